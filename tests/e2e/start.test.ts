// `npm start` as a person runs it, on a temporary DATA_DIR and free ports,
// builds skipped (npm test builds the Taro apps before jest): the stack comes
// up, the demo brand is there through the real HTTP API, the printed logins
// work, Ctrl-C (SIGINT to the whole process group, as a terminal sends it)
// stops everything, and a second start keeps the same data.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { nodeArgsOf } from '../helpers/npm-script'
import { poll } from '../helpers/poll'

const ROOT = path.resolve(__dirname, '../..')

async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as net.AddressInfo
  await new Promise<void>((r) => server.close(() => r()))
  return port
}

interface Run {
  child: ChildProcess
  output(): string
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/** Starts the stack in its own process group, as a terminal's foreground job. */
function start(command: string[], env: Record<string, string>): Run {
  const child = spawn(command[0]!, command.slice(1), { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  let out = ''
  child.stdout!.on('data', (d) => (out += String(d)))
  child.stderr!.on('data', (d) => (out += String(d)))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.on('exit', (code, signal) => r({ code, signal })))
  return { child, output: () => out, exited }
}

async function waitFor(run: Run, text: string, ms: number): Promise<void> {
  const printed = () => {
    if (run.child.exitCode !== null) throw new Error(`npm start exited (${run.child.exitCode}) before "${text}"`)
    return run.output().includes(text)
  }
  await poll(printed, { what: `npm start to print "${text}"`, timeoutMs: ms, everyMs: 200 }).catch((e: Error) => {
    throw new Error(`${e.message}\n${run.output()}`)
  })
}

/** The printed URL after a label, e.g. "商城 H5 (shop preview)  http://…/". */
function urlAfter(output: string, label: string): string {
  const m = new RegExp(`${label}[^\\n]*?(http://[^\\s]+)`).exec(output)
  if (!m) throw new Error(`no URL for ${label} in:\n${output}`)
  return m[1]!
}

function loginsOf(output: string): Record<string, { email: string; password: string }> {
  const found: Record<string, { email: string; password: string }> = {}
  for (const m of output.matchAll(/^\s+(admin|editor)\s+(\S+@\S+)\s+(\S+)\s*$/gm)) found[m[1]!] = { email: m[2]!, password: m[3]! }
  return found
}

async function login(api: string, who: { email: string; password: string }) {
  const res = await fetch(`${api}/api/admin/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(who) })
  return { status: res.status, body: (await res.json()) as { staff?: { role: string } } }
}

const down = (url: string) => fetch(url).then(() => false, () => true)

let dataDir: string
let env: Record<string, string>
beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'shop-start-'))
  env = { DATA_DIR: dataDir, PORT: String(await freePort()), SANDBOX_PORT: String(await freePort()), ADMIN_EMAIL: '', ADMIN_PASSWORD: '' }
})
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

test('npm start: sandbox, backend and seeded demo come up; the printed logins work; Ctrl-C stops it all', async () => {
  const run = start(['npm', 'start', '--', '--skip-builds'], env)
  try {
    await waitFor(run, 'Ready.', 150_000)
  } catch (e) {
    process.kill(-run.child.pid!, 'SIGKILL')
    throw e
  }
  const out = run.output()
  expect(out).toContain('demo brand seeded')
  const shop = urlAfter(out, '商城 H5')
  const admin = urlAfter(out, '管理后台')
  const api = urlAfter(out, 'backend API').replace(/\/api\/v1\/pages$/, '')
  const sandbox = urlAfter(out, 'WeChat sandbox')
  expect(shop).toBe(`http://127.0.0.1:${env.PORT}/`)
  expect(admin).toBe(`http://127.0.0.1:${env.PORT}/admin/`)
  expect(sandbox).toBe(`http://127.0.0.1:${env.SANDBOX_PORT}`)

  expect((await fetch(`${api}/healthz`)).status).toBe(200)
  const pages = (await (await fetch(`${api}/api/v1/pages`)).json()) as { items: { slug: string }[] }
  expect(pages.items.map((p) => p.slug).sort()).toEqual(['slow-living', 'spring-linen', 'tea-time'])

  const logins = loginsOf(out)
  expect(Object.keys(logins).sort()).toEqual(['admin', 'editor'])
  expect((await login(api, logins.admin!)).body.staff?.role).toBe('admin')
  expect((await login(api, logins.editor!)).body.staff?.role).toBe('editor')

  // The sandbox answers as WeChat does (a bad code is refused with an errcode, not a crash).
  const wx = (await (await fetch(`${sandbox}/sns/jscode2session?appid=x&secret=y&js_code=z&grant_type=authorization_code`)).json()) as { errcode?: number }
  expect(wx.errcode).toBeGreaterThan(0)

  // The built sites, same origin as the API, when this checkout has them built.
  for (const [url, marker] of [[shop, 'dist-h5/index.html'], [admin, 'dist-admin/index.html']] as const) {
    if (!existsSync(path.join(ROOT, marker))) continue
    const res = await fetch(url)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/html')
  }

  process.kill(-run.child.pid!, 'SIGINT')
  await run.exited
  expect(run.output()).toContain('stopped.')
  expect(await down(`${api}/healthz`)).toBe(true)
  expect(await down(sandbox)).toBe(true)
}, 200_000)

test('a second start keeps the data, and exits 0 on SIGINT and on SIGTERM', async () => {
  const before = { pages: '', products: '' }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // What `npm start` runs, without npm and sh in between (whose exit status after a signal is their own).
    const run = start([process.execPath, ...nodeArgsOf('start'), '--skip-builds'], env)
    await waitFor(run, 'Ready.', 120_000)
    expect(run.output()).toContain('demo data kept')
    expect(run.output()).not.toContain('demo brand seeded')
    const api = `http://127.0.0.1:${env.PORT}`
    const pages = await (await fetch(`${api}/api/v1/pages`)).text()
    const cookie = (await fetch(`${api}/api/admin/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(loginsOf(run.output()).admin)
    })).headers.getSetCookie()[0]!.split(';')[0]!
    const products = await (await fetch(`${api}/api/admin/products?limit=50`, { headers: { cookie } })).text()
    expect(JSON.parse(products).items).toHaveLength(10)
    if (before.pages) {
      expect(pages).toBe(before.pages)
      expect(products).toBe(before.products)
    }
    Object.assign(before, { pages, products })

    // SIGINT to the group is a terminal's Ctrl-C; SIGTERM to the one process is a process manager's stop.
    if (signal === 'SIGINT') process.kill(-run.child.pid!, 'SIGINT')
    else run.child.kill('SIGTERM')
    expect(await run.exited).toEqual({ code: 0, signal: null })
    expect(run.output()).toContain('stopped.')
  }
}, 300_000)
