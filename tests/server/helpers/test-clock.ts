/** A clock tests move by hand; passed to buildApp so time-based rules run without sleeping. */
import type { Clock } from '../../../src/server/clock'

export class TestClock implements Clock {
  private t: number

  constructor(start: Date | string = '2025-06-01T02:00:00.000Z') {
    this.t = new Date(start).getTime()
  }

  now(): Date {
    return new Date(this.t)
  }

  set(at: Date | string): void {
    this.t = new Date(at).getTime()
  }

  advance(ms: number): void {
    this.t += ms
  }
}

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
