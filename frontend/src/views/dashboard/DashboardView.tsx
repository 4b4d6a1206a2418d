// Placeholder until the view is built.
export function DashboardView(_props: Record<string, unknown>) {
  return <main><h1>DashboardView</h1></main>;
}
