// Several real backend processes (`src/server/main.ts`, each with its own pool) on ONE
// PostgreSQL schema, behind the round-robin proxy, with the WeChat sandbox in this
// process. PUBLIC_BASE_URL is the proxy, so WeChat Pay's notifications are balanced
// like any other request. The schema starts empty: the instances start together and
// migrate it themselves, as a rolling deploy on a fresh database would.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { Client, Pool } from 'pg'
import { backendEnvFor, ensureKeysDir, sandboxOptionsFromKeys } from '../../../src/sandbox/keys'
import { createSandbox, type Sandbox } from '../../../src/sandbox/sandbox'
import { startRoundRobinProxy, type RoundRobinProxy } from './proxy-round-robin'
import { ADMIN } from './real-stack'
import { poll } from '../../helpers/poll'

const ROOT = path.resolve(__dirname, '../../..')
export const CLUSTER_PG_URL = process.env.TEST_DATABASE_URL

export interface Instance {
  index: number
  url: string
  process: ChildProcess
  log(): string
  /** Log lines (pino JSON) whose msg is `msg`. */
  logged(msg: string): Array<Record<string, unknown>>
  /** Ends the process like a crash (SIGKILL): nothing is released on the way out. */
  crash(): Promise<void>
}

export interface Cluster {
  url: string
  proxy: RoundRobinProxy
  instances: Instance[]
  sandbox: Sandbox
  /** A pool on the cluster's schema, for assertions the API cannot make. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>
  close(): Promise<void>
}

async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as net.AddressInfo
  await new Promise<void>((r) => server.close(() => r()))
  return port
}

async function withAdmin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: CLUSTER_PG_URL })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

async function waitForHealth(instance: Instance): Promise<void> {
  const healthy = async () => {
    if (instance.process.exitCode !== null) throw new Error(`backend ${instance.index} exited (${instance.process.exitCode})`)
    return fetch(`${instance.url}/healthz`).then((r) => r.ok, () => false) // not listening yet
  }
  await poll(healthy, { what: `backend ${instance.index} to answer /healthz`, timeoutMs: 90_000, everyMs: 250 }).catch((e: Error) => {
    throw new Error(`${e.message}\n${instance.log().slice(-4000)}`)
  })
}

function spawnInstance(index: number, port: number, env: Record<string, string>): Instance {
  let output = ''
  // NOTE: node --import tsx, not the tsx CLI: the CLI runs the server in a child
  // process, and a SIGKILL to the CLI would leave that child serving.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  child.stdout?.on('data', (d) => (output += d))
  child.stderr?.on('data', (d) => (output += d))
  const exited = new Promise<void>((r) => child.once('exit', () => r()))
  return {
    index,
    url: `http://127.0.0.1:${port}`,
    process: child,
    log: () => output,
    logged: (msg) =>
      output
        .split('\n')
        .filter((line) => line.startsWith('{') && line.includes(msg))
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .filter((entry) => entry.msg === msg),
    async crash() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      await exited
    }
  }
}

export async function startCluster(opts: { instances?: number } = {}): Promise<Cluster> {
  if (!CLUSTER_PG_URL) throw new Error('startCluster needs TEST_DATABASE_URL (e.g. postgres://root@127.0.0.1:5432/test)')
  const count = opts.instances ?? 2
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-cluster-'))
  const schema = `c_${randomBytes(6).toString('hex')}`
  await withAdmin((c) => c.query(`CREATE SCHEMA ${schema}`))
  const databaseUrl = `${CLUSTER_PG_URL}${CLUSTER_PG_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`
  const pool = new Pool({ connectionString: databaseUrl, max: 2 })

  const keysDir = path.join(dir, 'sandbox-keys')
  const sandbox = createSandbox({ ...sandboxOptionsFromKeys(ensureKeysDir(keysDir)), log: () => {} })
  const { url: sandboxUrl } = await sandbox.listen(0, '127.0.0.1')
  const ports: number[] = []
  for (let i = 0; i < count; i++) ports.push(await freePort())
  const proxy = await startRoundRobinProxy(ports.map((p) => `http://127.0.0.1:${p}`))

  const env = {
    ...backendEnvFor(keysDir, sandboxUrl),
    DATABASE_URL: databaseUrl,
    PUBLIC_BASE_URL: proxy.url,
    // Uploads must be on storage every instance sees (a shared volume in production).
    MEDIA_DIR: path.join(dir, 'media'),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password
  }
  const instances = ports.map((port, i) => spawnInstance(i, port, env))

  const close = async () => {
    await Promise.all(instances.map((i) => i.crash()))
    await proxy.close()
    await sandbox.close()
    await pool.end()
    await withAdmin((c) => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`))
    fs.rmSync(dir, { recursive: true, force: true })
  }
  try {
    await Promise.all(instances.map(waitForHealth))
  } catch (e) {
    await close()
    throw e
  }
  return {
    url: proxy.url,
    proxy,
    instances,
    sandbox,
    sql: async <T>(text: string, params: unknown[] = []) => (await pool.query(text, params)).rows as T[],
    close
  }
}
