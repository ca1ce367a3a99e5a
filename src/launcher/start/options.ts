/**
 * What `npm start` runs with: flags from the command line, ports and folders
 * from the environment (so a test can start a second stack beside the first).
 *
 *   --rebuild       build the admin, H5 and weapp even when they look up to date
 *   --skip-builds   serve whatever is in dist-admin/ and dist-h5/, build nothing
 *   PORT, SANDBOX_PORT, HOST          3000, 3100, 127.0.0.1
 *   DATA_DIR                          data (SQLite shop.db, media/, sandbox-keys/, logs/)
 *   DATABASE_URL, MEDIA_DIR           default under DATA_DIR
 */
import { isAbsolute, resolve } from 'node:path'

export interface StartOptions {
  root: string
  dataDir: string
  host: string
  port: number
  sandboxPort: number
  databaseUrl: string
  mediaDir: string
  keysDir: string
  logDir: string
  rebuild: boolean
  skipBuilds: boolean
}

export const USAGE = `usage: npm start [-- --rebuild | --skip-builds]
  --rebuild      build the admin web, the H5 shop and the weapp even if they are up to date
  --skip-builds  build nothing; serve what is already in dist-admin/ and dist-h5/
environment: PORT (3000), SANDBOX_PORT (3100), HOST (127.0.0.1), DATA_DIR (data),
             DATABASE_URL (sqlite:DATA_DIR/shop.db), MEDIA_DIR (DATA_DIR/media),
             ADMIN_EMAIL / ADMIN_PASSWORD (the first admin instead of the demo one)`

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim()
  if (!raw) return fallback
  const n = Number(raw)
  if (!/^\d+$/.test(raw) || n < 1 || n > 65535) throw new Error(`${name} must be a port number from 1 to 65535, got "${raw}"`)
  return n
}

export function readOptions(argv: string[], env: NodeJS.ProcessEnv, root: string): StartOptions | 'help' {
  const flags = new Set(argv)
  if (flags.has('--help') || flags.has('-h')) return 'help'
  const unknown = argv.filter((a) => !['--rebuild', '--skip-builds'].includes(a))
  if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(' ')}\n${USAGE}`)
  if (flags.has('--rebuild') && flags.has('--skip-builds')) throw new Error('--rebuild and --skip-builds contradict each other')

  const inRoot = (p: string) => (isAbsolute(p) ? p : resolve(root, p))
  const dataDir = inRoot(env.DATA_DIR?.trim() || 'data')
  const sqlite = env.DATABASE_URL?.trim() || `sqlite:${resolve(dataDir, 'shop.db')}`
  return {
    root,
    dataDir,
    host: env.HOST?.trim() || '127.0.0.1',
    port: port(env, 'PORT', 3000),
    sandboxPort: port(env, 'SANDBOX_PORT', 3100),
    // A relative SQLite path is taken from the repository, wherever npm was run from.
    databaseUrl: sqlite.startsWith('sqlite:') && sqlite !== 'sqlite::memory:' ? `sqlite:${inRoot(sqlite.slice(7))}` : sqlite,
    mediaDir: inRoot(env.MEDIA_DIR?.trim() || resolve(dataDir, 'media')),
    keysDir: resolve(dataDir, 'sandbox-keys'),
    logDir: resolve(dataDir, 'logs'),
    rebuild: flags.has('--rebuild'),
    skipBuilds: flags.has('--skip-builds')
  }
}
