export function FlagBell() {
  return null
}
