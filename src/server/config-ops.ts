/**
 * Operating the shop for months (docs/operations.md): who may read
 * /metrics, when /readyz calls the outbox stuck, how long raw events are
 * kept, and the log file with its rotation. Part of loadConfig.
 *
 *   METRICS_TOKEN                bearer token for GET /metrics; unset: loopback clients only
 *   READY_OUTBOX_MAX_AGE_SECONDS /readyz answers 503 when the oldest due outbox task is older (default 900)
 *   EVENT_RETENTION_DAYS         raw events older than this are rolled up by day, then pruned (default 400)
 *   LOG_FILE                     write the JSON log lines to this file instead of stdout
 *   LOG_ROTATE                   `daily` or a size such as `50m` / `1g` (default `daily`)
 *   LOG_KEEP                     rotated files kept beside LOG_FILE (default 14)
 */
export interface OpsConfig {
  metricsToken: string | null
  readyOutboxMaxAgeSeconds: number
  eventRetentionDays: number
  log: { file: string | null; rotate: LogRotate; keep: number }
}

export type LogRotate = { kind: 'daily' } | { kind: 'size'; bytes: number }

const UNITS: Record<string, number> = { k: 1024, m: 1024 ** 2, g: 1024 ** 3 }

/**
 * Reads the variables above from the raw environment; problems are added to
 * `problems` (loadConfig reports them with the others). Self-contained so
 * it plugs into whichever way loadConfig parses the rest.
 */
export function loadOps(env: Record<string, string | undefined>, problems: string[]): OpsConfig {
  const value = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim())
  const int = (name: string, v: string | undefined, fallback: number, min: number, max: number): number => {
    if (v === undefined) return fallback
    const n = Number(v)
    if (/^\d+$/.test(v) && n >= min && n <= max) return n
    problems.push(`${name} must be an integer from ${min} to ${max}, got "${v}"`)
    return fallback
  }
  const metricsToken = value(env.METRICS_TOKEN) ?? null
  if (metricsToken !== null && metricsToken.length < 16) problems.push('METRICS_TOKEN must be at least 16 characters')
  const readyOutboxMaxAgeSeconds = int('READY_OUTBOX_MAX_AGE_SECONDS', value(env.READY_OUTBOX_MAX_AGE_SECONDS), 900, 1, 7 * 24 * 3600)
  const eventRetentionDays = int('EVENT_RETENTION_DAYS', value(env.EVENT_RETENTION_DAYS), 400, 1, 100 * 365)
  const rotateRaw = (value(env.LOG_ROTATE) ?? 'daily').toLowerCase()
  let rotate: LogRotate = { kind: 'daily' }
  const size = /^(\d+)([kmg])$/.exec(rotateRaw)
  if (size) rotate = { kind: 'size', bytes: Number(size[1]) * UNITS[size[2]!]! }
  else if (rotateRaw !== 'daily') problems.push(`LOG_ROTATE must be "daily" or a size like 50m or 1g, got "${rotateRaw}"`)
  if (rotate.kind === 'size' && rotate.bytes < 1024) problems.push('LOG_ROTATE must be at least 1k')
  const keep = int('LOG_KEEP', value(env.LOG_KEEP), 14, 1, 1000)
  return { metricsToken, readyOutboxMaxAgeSeconds, eventRetentionDays, log: { file: value(env.LOG_FILE) ?? null, rotate, keep } }
}
