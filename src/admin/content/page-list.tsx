export function PageList() {
  return <div>TODO</div>
}
