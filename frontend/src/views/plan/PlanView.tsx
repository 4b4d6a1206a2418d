// Placeholder until the view is built.
export function PlanView(_props: Record<string, unknown>) {
  return <main><h1>PlanView</h1></main>;
}
