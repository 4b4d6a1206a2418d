// Placeholder until the view is built.
export function ChainView(_props: Record<string, unknown>) {
  return <main><h1>ChainView</h1></main>;
}
