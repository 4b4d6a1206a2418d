// Placeholder until the view is built.
export function HandoverView(_props: Record<string, unknown>) {
  return <main><h1>HandoverView</h1></main>;
}
