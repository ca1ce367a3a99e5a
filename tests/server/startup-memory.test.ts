// What a started backend holds in memory, through the real start path: the command line of
// `npm run server` (package.json), a migrated database, /healthz answering, a staff login. The
// modules it has loaded are read from inside the process (a --require'd probe), so a change that
// brings a heavy module back onto the startup path fails here, without timing anything.
// docs/operations.md "Memory" says what is loaded on first use and why.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve, sep } from 'node:path'
import { nodeArgsOf } from '../helpers/npm-script'
import { poll } from '../helpers/poll'
import { sourceMapsWanted } from '../../src/server/source-maps'

const root = resolve(__dirname, '../..')
const probe = join(__dirname, 'fixtures/loaded-modules-probe.cjs')
const ADMIN = { email: 'boss@shop.test', password: 'boss-password-1' }

interface Loaded {
  modules: string[]
  sourceMapsEnabled: boolean
}

function freePort(): Promise<number> {
  return new Promise((r) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => r(port))
    })
  })
}

/** `npm run server`'s node arguments with the probe preloaded before the entry script. */
function serverArgs(): string[] {
  const args = nodeArgsOf('server')
  return [...args.slice(0, -1), '--require', probe, args[args.length - 1]!]
}

async function startServer(databaseUrl: string, dir: string) {
  const port = await freePort()
  const out = join(dir, 'loaded.json')
  let output = ''
  const child: ChildProcess = spawn(process.execPath, serverArgs(), {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      WECHAT_APPID: 'wx1',
      WECHAT_SECRET: 'secret-value',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      MEDIA_DIR: join(dir, 'media'),
      ...ADMIN_ENV,
      LOADED_MODULES_OUT: out
    } as unknown as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  child.stdout!.on('data', (d) => (output += String(d)))
  child.stderr!.on('data', (d) => (output += String(d)))
  const url = `http://127.0.0.1:${port}`
  await poll(
    () => {
      if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output}`)
      return fetch(`${url}/healthz`).then((r) => (r.ok ? r : undefined), () => undefined)
    },
    { what: 'the server to answer /healthz', timeoutMs: 60_000, everyMs: 200 }
  )
  const loaded = async (): Promise<Loaded> => {
    rmSync(out, { force: true })
    child.kill('SIGUSR2')
    await poll(() => existsSync(out) || undefined, { what: 'the probe to answer', timeoutMs: 10_000, everyMs: 50 })
    return JSON.parse(readFileSync(out, 'utf8')) as Loaded
  }
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((r) => child.once('exit', r))
    child.kill('SIGTERM')
    await exited
  }
  return { url, loaded, stop }
}

const ADMIN_ENV = { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password }

/** Loaded files of one npm package (node_modules/NAME/…). */
const ofPackage = (modules: string[], name: string) => modules.filter((m) => m.includes(`${sep}node_modules${sep}${name}${sep}`))

test('source maps are kept only when --enable-source-maps asks for them', () => {
  expect(sourceMapsWanted(['--require', 'tsx/cjs'], undefined)).toBe(false)
  expect(sourceMapsWanted([], '--max-old-space-size=256')).toBe(false)
  expect(sourceMapsWanted(['--enable-source-maps'], undefined)).toBe(true)
  expect(sourceMapsWanted([], '--enable-source-maps --max-old-space-size=256')).toBe(true)
})

test('a started server on SQLite has not loaded pg, nor kept source maps, and stays so after serving', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'shop-memory-'))
  const server = await startServer(`sqlite:${join(dir, 'shop.db')}`, dir)
  try {
    const atStart = await server.loaded()
    expect(atStart.modules.some((m) => m.endsWith(join('src', 'server', 'app.ts')))).toBe(true)
    expect(ofPackage(atStart.modules, 'better-sqlite3').length).toBeGreaterThan(0)
    expect(ofPackage(atStart.modules, 'pg')).toEqual([])
    expect(ofPackage(atStart.modules, 'pg-pool')).toEqual([])
    // The picture libraries belong to the sandbox and the admin web, never to the server.
    expect([...ofPackage(atStart.modules, 'qrcode'), ...ofPackage(atStart.modules, 'pngjs')]).toEqual([])
    expect(atStart.sourceMapsEnabled).toBe(false)

    const login = await fetch(`${server.url}/api/admin/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) })
    expect(login.status).toBe(200)
    expect(ofPackage((await server.loaded()).modules, 'pg')).toEqual([])
  } finally {
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}, 90_000)

const PG_URL = process.env.TEST_DATABASE_URL
const onPostgres = PG_URL ? test : test.skip

onPostgres('a started server on PostgreSQL has not loaded better-sqlite3', async () => {
  const { Client } = await import('pg')
  const schema = `memory_${Date.now().toString(36)}`
  const admin = new Client({ connectionString: PG_URL })
  await admin.connect()
  await admin.query(`CREATE SCHEMA ${schema}`)
  const dir = mkdtempSync(join(tmpdir(), 'shop-memory-'))
  const url = `${PG_URL!}${PG_URL!.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`
  const server = await startServer(url, dir)
  try {
    const loaded = await server.loaded()
    expect(ofPackage(loaded.modules, 'pg').length).toBeGreaterThan(0)
    expect(ofPackage(loaded.modules, 'better-sqlite3')).toEqual([])
  } finally {
    await server.stop()
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
    await admin.end()
    rmSync(dir, { recursive: true, force: true })
  }
}, 90_000)
