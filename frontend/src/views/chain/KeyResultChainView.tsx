// Placeholder until the view is built.
export function KeyResultChainView(_props: Record<string, unknown>) {
  return <main><h1>KeyResultChainView</h1></main>;
}
