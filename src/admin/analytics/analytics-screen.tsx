export function AnalyticsScreen() {
  return <div>TODO</div>
}
