export function OrderList() {
  return <div>TODO</div>
}
