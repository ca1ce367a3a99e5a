/**
 * `npm run server`: configuration from the environment, migrations, the
 * bootstrap admin, then listen, with the job poller on, serving the built
 * admin web and H5 shop too (STATIC_DIR) when `npm run build` has made them. A bad environment
 * stops here with the variable's name. SIGINT/SIGTERM close cleanly.
 */
import { buildApp } from './app'
import { ConfigError, loadConfig, type Config } from './config'
import { openDatabase } from './db/database'
import { migrateToLatest } from './db/migrate'
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
  const applied = await migrateToLatest(database)
  const app = await buildApp({ config, db: database, jobsIntervalMs: JOBS_INTERVAL_MS, sites: true })
  if (applied.length > 0) app.log.info({ applied }, 'migrations applied')
  const admin = await bootstrapAdmin(app.deps)
  if (admin === 'created') app.log.info('created the first admin from ADMIN_EMAIL')

  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down')
    await app.close()
    await database.close()
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
