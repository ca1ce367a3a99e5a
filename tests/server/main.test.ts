// `npm run server` as an operator runs it: its command line from package.json
// (node with tsx's CommonJS hooks), no build step, configured
// only by the environment. A bad environment stops it naming the variable;
// a good one serves /healthz and creates the bootstrap admin.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createServer } from 'node:net'
import { nodeArgsOf } from '../helpers/npm-script'
import { poll } from '../helpers/poll'

const root = resolve(__dirname, '../..')

function run(env: Record<string, string>) {
  const child = spawn(process.execPath, nodeArgsOf('server'), {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env } as unknown as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'] as const
  })
  let out = ''
  child.stdout.on('data', (d) => (out += String(d)))
  child.stderr.on('data', (d) => (out += String(d)))
  return { child, output: () => out }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })
}

test('a missing WECHAT_SECRET stops the server with its name', async () => {
  const { child, output } = run({ WECHAT_APPID: 'wx1', PORT: 'abc' })
  const code = await new Promise<number | null>((r) => child.on('exit', r))
  expect(code).toBe(1)
  expect(output()).toContain('WECHAT_SECRET is required')
  expect(output()).toContain('PORT must be an integer')
}, 30_000)

test('starts on SQLite, migrates, bootstraps the admin and answers /healthz', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'shop-main-'))
  const port = await freePort()
  const { child, output } = run({
    WECHAT_APPID: 'wx1',
    WECHAT_SECRET: 'secret-value',
    PORT: String(port),
    DATABASE_URL: `sqlite:${join(dir, 'db', 'shop.db')}`,
    MEDIA_DIR: join(dir, 'media'),
    ADMIN_EMAIL: 'boss@shop.test',
    ADMIN_PASSWORD: 'boss-password-1'
  })
  try {
    const health = await poll(() => fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined), { what: 'the server to listen', timeoutMs: 25_000, everyMs: 200 })
    expect(health.status).toBe(200)
    const login = await fetch(`http://127.0.0.1:${port}/api/admin/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'boss@shop.test', password: 'boss-password-1' })
    })
    expect(login.status).toBe(200)
    expect(output()).toContain('created the first admin')
    expect(output()).not.toContain('boss-password-1')
    expect(output()).not.toContain('secret-value')
  } finally {
    const exited = new Promise((r) => child.on('exit', r))
    child.kill('SIGTERM')
    await exited
    rmSync(dir, { recursive: true, force: true })
  }
}, 40_000)
