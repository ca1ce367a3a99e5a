/**
 * Operating the shop for months (docs/operations.md): who may read
 * /metrics, when /readyz calls the outbox stuck, how long raw events are
 * kept, and the log file with its rotation. config.ts reads and checks them
 * with the rest of the environment.
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
