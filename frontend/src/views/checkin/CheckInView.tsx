// Placeholder until the view is built.
export function CheckInView(_props: Record<string, unknown>) {
  return <main><h1>CheckInView</h1></main>;
}
