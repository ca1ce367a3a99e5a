/**
 * WeChat Pay writes times as RFC 3339 in Beijing time
 * (`2018-06-08T10:34:56+08:00`); we store UTC ISO. These convert.
 */
const BEIJING_MS = 8 * 3600_000

/** `time_expire` for a JSAPI order: whole seconds, +08:00 (no milliseconds, which WeChat refuses). */
export function beijingRfc3339(d: Date): string {
  return new Date(d.getTime() + BEIJING_MS).toISOString().slice(0, 19) + '+08:00'
}

/** WeChat's `success_time` → UTC ISO, or null when it is missing or unreadable. */
export function isoFromWechat(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const ms = Date.parse(value)
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null
}
