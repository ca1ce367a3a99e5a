export function RefundList() {
  return <div>TODO</div>
}
