// The operations variables: defaults, sizes, and every bad value named at start.
import { ConfigError } from '../../../src/server/config'
import { testConfig } from '../helpers/test-app'

test('defaults: no token (loopback only), 400 days of events, logs to stdout rotated daily when a file is set', () => {
  expect(testConfig({}).ops).toEqual({
    metricsToken: null,
    readyOutboxMaxAgeSeconds: 900,
    eventRetentionDays: 400,
    log: { file: null, rotate: { kind: 'daily' }, keep: 14 }
  })
})

test('sizes, days and the log file are read', () => {
  const ops = testConfig({ LOG_FILE: '/var/log/shop/shop.log', LOG_ROTATE: '50m', LOG_KEEP: '3', EVENT_RETENTION_DAYS: '30', METRICS_TOKEN: 't'.repeat(24) }).ops
  expect(ops).toEqual(expect.objectContaining({ metricsToken: 't'.repeat(24), eventRetentionDays: 30 }))
  expect(ops.log).toEqual({ file: '/var/log/shop/shop.log', rotate: { kind: 'size', bytes: 50 * 1024 * 1024 }, keep: 3 })
})

test('bad values stop the start, each named', () => {
  let problems: string[] = []
  try {
    testConfig({ LOG_ROTATE: 'weekly', EVENT_RETENTION_DAYS: '0', METRICS_TOKEN: 'short', READY_OUTBOX_MAX_AGE_SECONDS: 'soon' })
  } catch (e) {
    problems = (e as ConfigError).problems
  }
  expect(problems).toEqual([
    'METRICS_TOKEN must be at least 16 characters',
    'READY_OUTBOX_MAX_AGE_SECONDS must be an integer from 1 to 604800, got "soon"',
    'EVENT_RETENTION_DAYS must be an integer from 1 to 36500, got "0"',
    'LOG_ROTATE must be "daily" or a size like 50m or 1g, got "weekly"'
  ])
})
