export function OrderDetailScreen() {
  return <div>TODO</div>
}
