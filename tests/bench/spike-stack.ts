/**
 * The spike bench's servers: real backend processes (what `npm run server`
 * runs: `node --require tsx/cjs src/server/main.ts`, as production runs them) with the WeChat sandbox in
 * this process. SQLite: one process on a file database. PostgreSQL: N
 * processes on one fresh schema behind the round-robin proxy
 * (startSpikeProxy below), PUBLIC_BASE_URL the proxy, as in
 * tests/e2e/helpers/cluster-stack.ts. Each process's CPU time and RSS are read
 * from /proc, so the figures are the server's alone.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { Client } from 'pg'
import { backendEnvFor, ensureKeysDir, sandboxOptionsFromKeys } from '../../src/sandbox/keys'
import { createSandbox, type Sandbox } from '../../src/sandbox/sandbox'
import http from 'node:http'
import { nodeArgsOf } from '../helpers/npm-script'

const ROOT = path.resolve(__dirname, '../..')
export const SPIKE_ADMIN = { email: 'bench-admin@shop.test', password: 'bench-admin-password-1' }

export interface SpikeInstance {
  url: string
  pid: number
  /** CPU time (user + system) the process has used so far, ms. */
  cpuMs(): number
  /** Resident set now and its peak, MB. */
  rssMb(): { now: number; peak: number }
  output(): string
}

export interface SpikeStack {
  dialect: 'sqlite' | 'postgres'
  /** Where shoppers send requests: the instance, or the proxy in front of several. */
  url: string
  sandbox: Sandbox
  instances: SpikeInstance[]
  proxy: SpikeProxy | null
  close(): Promise<void>
}

export interface SpikeProxy {
  url: string
  /** Requests sent to each upstream. */
  counts: number[]
  close(): Promise<void>
}

/**
 * Round robin over the instances, as tests/e2e/helpers/proxy-round-robin.ts, but with a load
 * balancer's keep-alive: that helper closes idle client sockets after 1 s, and under the
 * spike's load a shopper's next request often meets a socket closing under it ("fetch
 * failed"), an error of the helper and not of the servers. Here idle sockets live 65 s (as
 * behind nginx) and upstream connections are kept alive and reused.
 */
async function startSpikeProxy(upstreams: string[]): Promise<SpikeProxy> {
  const targets = upstreams.map((u) => new URL(u))
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 })
  const counts = targets.map(() => 0)
  let next = 0
  const server = http.createServer((req, res) => {
    const index = next
    next = (next + 1) % targets.length
    counts[index]!++
    const target = targets[index]!
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host }, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    upstream.on('error', (e) => {
      if (res.headersSent) return res.destroy(e)
      res.writeHead(502, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ error: { code: 'BAD_GATEWAY', message: `spike proxy: upstream ${index} failed: ${e.message}`, details: null } }))
    })
    req.pipe(upstream)
  })
  server.keepAliveTimeout = 65_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
        agent.destroy()
      })
  }
}

const TICK_MS = 1000 / 100 // USER_HZ is 100 on Linux

function procCpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // After "(comm) ": state is field 3, so utime (14) and stime (15) sit at 11 and 12.
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS
}

function procRssMb(pid: number): { now: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN)
  return { now: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) }
}

async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as net.AddressInfo
  await new Promise<void>((r) => server.close(() => r()))
  return port
}

/**
 * The node arguments of `npm run server` (package.json), so the bench measures the process
 * production runs, loader included. SPIKE_SERVER_ARGS (space-separated) replaces them, e.g. to
 * add a diagnostic `--require` or a V8 flag.
 */
export function serverNodeArgs(): string[] {
  const override = process.env.SPIKE_SERVER_ARGS?.trim()
  return override ? override.split(/\s+/) : nodeArgsOf('server')
}

function spawnInstance(port: number, env: Record<string, string>): { instance: SpikeInstance; child: ChildProcess } {
  let tail = ''
  const keep = (d: Buffer) => {
    tail = (tail + d.toString()).slice(-8000)
  }
  const child = spawn(process.execPath, serverNodeArgs(), {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    // One log line per request is part of the server's cost; only the tail is kept.
    stdio: ['ignore', 'pipe', 'pipe']
  })
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const pid = child.pid!
  return {
    child,
    instance: { url: `http://127.0.0.1:${port}`, pid, cpuMs: () => procCpuMs(pid), rssMb: () => procRssMb(pid), output: () => tail }
  }
}

async function waitHealthy(instance: SpikeInstance, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`backend exited (${child.exitCode}):\n${instance.output()}`)
    if (await fetch(`${instance.url}/healthz`).then((r) => r.ok, () => false)) return
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`backend did not become healthy:\n${instance.output()}`)
}

export async function startSpikeStack(opts: { dialect: 'sqlite' | 'postgres'; instances?: number; pgUrl?: string }): Promise<SpikeStack> {
  const count = opts.dialect === 'sqlite' ? 1 : (opts.instances ?? 2)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-spike-'))
  const keysDir = path.join(dir, 'keys')
  const sandbox = createSandbox({ ...sandboxOptionsFromKeys(ensureKeysDir(keysDir)), log: () => {} })
  const { url: sandboxUrl } = await sandbox.listen(0, '127.0.0.1')
  const ports: number[] = []
  for (let i = 0; i < count; i++) ports.push(await freePort())

  let databaseUrl: string
  let dropSchema = async () => {}
  if (opts.dialect === 'postgres') {
    if (!opts.pgUrl) throw new Error('the PostgreSQL spike needs TEST_DATABASE_URL (e.g. postgres://root@127.0.0.1:5432/test)')
    const pgUrl = opts.pgUrl
    const schema = `spike_${randomBytes(5).toString('hex')}`
    const admin = async (text: string) => {
      const c = new Client({ connectionString: pgUrl })
      await c.connect()
      try {
        await c.query(text)
      } finally {
        await c.end()
      }
    }
    await admin(`CREATE SCHEMA ${schema}`)
    dropSchema = () => admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
    databaseUrl = `${pgUrl}${pgUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`
  } else {
    databaseUrl = `sqlite:${path.join(dir, 'shop.db')}`
  }

  const proxy = count > 1 ? await startSpikeProxy(ports.map((p) => `http://127.0.0.1:${p}`)) : null
  const url = proxy?.url ?? `http://127.0.0.1:${ports[0]}`
  const env = {
    ...backendEnvFor(keysDir, sandboxUrl),
    DATABASE_URL: databaseUrl,
    PUBLIC_BASE_URL: url,
    MEDIA_DIR: path.join(dir, 'media'),
    ADMIN_EMAIL: SPIKE_ADMIN.email,
    ADMIN_PASSWORD: SPIKE_ADMIN.password,
    // Shoppers come from many addresses: the load generator names each one's in X-Forwarded-For.
    TRUST_PROXY: '1'
  }
  // Instances one after the other: the first migrates, the others find it done.
  const spawned: Array<{ instance: SpikeInstance; child: ChildProcess }> = []
  const close = async () => {
    for (const s of spawned) {
      if (s.child.exitCode === null && s.child.signalCode === null) {
        const exited = new Promise<void>((r) => s.child.once('exit', () => r()))
        s.child.kill('SIGTERM')
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
        if (s.child.exitCode === null) s.child.kill('SIGKILL')
      }
    }
    await proxy?.close()
    await sandbox.close()
    await dropSchema().catch(() => undefined)
    fs.rmSync(dir, { recursive: true, force: true })
  }
  try {
    for (const port of ports) {
      const s = spawnInstance(port, env)
      spawned.push(s)
      await waitHealthy(s.instance, s.child)
    }
  } catch (e) {
    await close()
    throw e
  }
  return { dialect: opts.dialect, url, sandbox, instances: spawned.map((s) => s.instance), proxy, close }
}
