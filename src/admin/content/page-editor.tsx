export function PageEditorScreen() {
  return <div>TODO</div>
}
