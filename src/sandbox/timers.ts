/** Every timer the sandbox starts, so close() can stop them all and a test run ends cleanly. */
export class Timers {
  private readonly pending = new Set<NodeJS.Timeout>()
  private closed = false

  later(ms: number, run: () => void): void {
    if (this.closed) return
    const timer = setTimeout(() => {
      this.pending.delete(timer)
      run()
    }, Math.max(0, ms))
    this.pending.add(timer)
  }

  get isClosed(): boolean {
    return this.closed
  }

  clearAll(): void {
    this.closed = true
    for (const timer of this.pending) clearTimeout(timer)
    this.pending.clear()
  }
}
