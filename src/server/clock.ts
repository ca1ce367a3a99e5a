/**
 * Time enters the server through a Clock so tests can move it (scheduled
 * publish, session expiry, preview tokens) without sleeping.
 */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

/** ISO 8601 in UTC: every stored time uses this form so it sorts as text on both dialects. */
export function iso(d: Date): string {
  return d.toISOString()
}

export function addMs(d: Date, ms: number): Date {
  return new Date(d.getTime() + ms)
}
