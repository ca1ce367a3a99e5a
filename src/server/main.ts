/**
 * `npm run server`: configuration from the environment, migrations, the
 * bootstrap admin, then listen, with the job poller on, serving the built
 * admin web and H5 shop too (STATIC_DIR) when `npm run build` has made them. A bad environment
 * stops here with the variable's name. SIGINT/SIGTERM close cleanly.
 */
// NOTE: first, so no module after it keeps a decoded source map (see the file).
import './source-maps'
import { buildApp } from './app'
import { ConfigError, loadConfig, type Config } from './config'
import { openDatabase } from './db/database'
import { migrateToLatest, SchemaTooNewError } from './db/migrate'
import { markServerRunning, sqlitePathOf } from './ops/backup'
import { RotatingFile } from './ops/rotating-file'
import { bootstrapAdmin } from './flows/staff/bootstrap-admin'

const JOBS_INTERVAL_MS = 5_000

async function main(): Promise<void> {
  let config: Config
  try {
    config = loadConfig(process.env)
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\nSee README.md "Backend configuration (environment)".\n`)
      process.exit(1)
    }
    throw e
  }
  const database = openDatabase(config.databaseUrl)
  let applied: string[]
  try {
    applied = await migrateToLatest(database)
  } catch (e) {
    if (e instanceof SchemaTooNewError) {
      process.stderr.write(`${e.message}\n`)
      await database.close()
      process.exit(1)
    }
    throw e
  }
  // LOG_FILE: JSON lines to a rotating file instead of stdout (docs/operations.md "Logs").
  const logFile = config.ops.log.file ? new RotatingFile({ path: config.ops.log.file, rotate: config.ops.log.rotate, keep: config.ops.log.keep }) : null
  const app = await buildApp({ config, db: database, jobsIntervalMs: JOBS_INTERVAL_MS, sites: true, log: logFile ? { stream: logFile } : undefined })
  if (applied.length > 0) app.log.info({ applied }, 'migrations applied')
  // `npm run restore` refuses while this file names a live process.
  const sqlitePath = sqlitePathOf(config.databaseUrl)
  const unmark = sqlitePath ? markServerRunning(sqlitePath) : () => {}
  process.once('exit', unmark)
  const admin = await bootstrapAdmin(app.deps)
  if (admin === 'created') app.log.info('created the first admin from ADMIN_EMAIL')

  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down')
    await app.close()
    await database.close()
    unmark()
    logFile?.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void shutdown('SIGINT'))
  process.once('SIGTERM', () => void shutdown('SIGTERM'))
  await app.listen({ port: config.port, host: config.host })
}

main().catch((e: unknown) => {
  process.stderr.write(`server failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
  process.exit(1)
})
