/** Starts `run` after `ms`; returns what cancels it. Tests pass one that records the delay and runs it by hand. */
export type Schedule = (ms: number, run: () => void) => () => void

const realSchedule: Schedule = (ms, run) => {
  const timer = setTimeout(run, ms)
  return () => clearTimeout(timer)
}

/** Every timer the sandbox starts, so close() can stop them all and a test run ends cleanly. */
export class Timers {
  private readonly pending = new Set<() => void>()
  private closed = false

  constructor(private readonly schedule: Schedule = realSchedule) {}

  later(ms: number, run: () => void): void {
    if (this.closed) return
    const entry = { cancel: () => {} }
    const cancel = this.schedule(Math.max(0, ms), () => {
      this.pending.delete(entry.cancel)
      run()
    })
    entry.cancel = cancel
    this.pending.add(cancel)
  }

  get isClosed(): boolean {
    return this.closed
  }

  clearAll(): void {
    this.closed = true
    for (const cancel of this.pending) cancel()
    this.pending.clear()
  }
}
