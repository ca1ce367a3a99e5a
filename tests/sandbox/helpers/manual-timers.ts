import type { Schedule } from '../../../src/sandbox/timers'

/**
 * A `schedule` for createSandbox that starts nothing on its own: it records
 * every delay the sandbox asks for, and the test runs the timers by hand. What
 * the sandbox scheduled is then asserted exactly, with no waiting.
 */
export interface ManualTimers {
  schedule: Schedule
  /** Every delay asked for, in ms, in order (cancelled ones included). */
  readonly delays: number[]
  /** How many timers are waiting (neither run nor cancelled). */
  pending(): number
  /** Runs the oldest waiting timer now. */
  runNext(): void
}

export function manualTimers(): ManualTimers {
  const delays: number[] = []
  const queue: Array<{ run: () => void }> = []
  return {
    delays,
    schedule(ms, run) {
      delays.push(ms)
      const entry = { run }
      queue.push(entry)
      return () => {
        const i = queue.indexOf(entry)
        if (i >= 0) queue.splice(i, 1)
      }
    },
    pending: () => queue.length,
    runNext() {
      const next = queue.shift()
      if (!next) throw new Error('manualTimers: no timer is waiting')
      next.run()
    }
  }
}
