// Placeholder until the view is built.
export function TeamView(_props: Record<string, unknown>) {
  return <main><h1>TeamView</h1></main>;
}
