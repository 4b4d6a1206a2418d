// Placeholder until the view is built.
export function PackView(_props: Record<string, unknown>) {
  return <main><h1>PackView</h1></main>;
}
