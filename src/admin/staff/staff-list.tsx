export function StaffList() {
  return <div>TODO</div>
}
