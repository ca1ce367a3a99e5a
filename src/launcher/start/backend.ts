/**
 * The backend in this process, as `npm run server` would run it (config from
 * the environment, migrations, the bootstrap admin, the job poller), plus
 * the demo seed and the built sites. Its log goes to a file so the terminal
 * keeps the summary readable.
 */
import { createWriteStream, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../server/app'
import { loadConfig, type Config } from '../../server/config'
import { openDatabase, type Database } from '../../server/db/database'
import { migrateToLatest } from '../../server/db/migrate'
import { bootstrapAdmin } from '../../server/flows/staff/bootstrap-admin'
import { isEmptyForDemo, seedDemoBrand, type SeedReport } from '../../server/seed/seed-demo-brand'
import type { StartOptions } from './options'

const JOBS_INTERVAL_MS = 5_000

export interface RunningBackend {
  app: FastifyInstance
  config: Config
  url: string
  logPath: string
  seed: SeedReport
  seedSeconds: number
  close(): Promise<void>
}

export async function startBackend(
  o: StartOptions,
  wechatEnv: Record<string, string>,
  say: (line: string) => void,
  signal: AbortSignal
): Promise<RunningBackend> {
  const url = `http://${o.host}:${o.port}`
  const config = loadConfig({
    ...process.env,
    ...wechatEnv,
    PORT: String(o.port),
    HOST: o.host,
    PUBLIC_BASE_URL: process.env.PUBLIC_BASE_URL || url,
    DATABASE_URL: o.databaseUrl,
    MEDIA_DIR: o.mediaDir,
    // The builds below write into the repository's dist folders.
    STATIC_DIR: o.root
  })
  mkdirSync(o.logDir, { recursive: true })
  const logPath = join(o.logDir, 'server.log')
  const logStream = createWriteStream(logPath, { flags: 'a' })

  const database: Database = openDatabase(config.databaseUrl)
  let app: FastifyInstance | null = null
  try {
    await migrateToLatest(database)
    // sites: the same serving as `npm run server` (src/server/http/static-sites.ts).
    app = await buildApp({ config, db: database, jobsIntervalMs: JOBS_INTERVAL_MS, log: { stream: logStream }, sites: true })

    await bootstrapAdmin(app.deps)
    const started = Date.now()
    if (await isEmptyForDemo(app.deps)) say('  seeding the demo brand 山茶 (images and a clip drawn locally)…')
    const seed = await seedDemoBrand(app.deps, { signal })
    const seedSeconds = Math.round((Date.now() - started) / 100) / 10
    await app.listen({ port: o.port, host: o.host })
    const running = app
    return {
      app,
      config,
      url,
      logPath,
      seed,
      seedSeconds,
      async close() {
        await running.close()
        await database.close()
        await new Promise<void>((resolve) => logStream.end(() => resolve()))
      }
    }
  } catch (e) {
    await app?.close()
    await database.close()
    logStream.end()
    throw e
  }
}
