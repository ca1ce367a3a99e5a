// The real backend (`src/server/main.ts`, its own process, SQLite in a temp folder)
// and the WeChat sandbox (with fresh keys), wired together as `npm start` would.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { backendEnvFor, ensureKeysDir, sandboxOptionsFromKeys } from '../../../src/sandbox/keys'
import { createSandbox } from '../../../src/sandbox/sandbox'
import { subscribeTemplatesEnv } from '../../../src/sandbox/subscribe-templates'
import { poll } from '../../helpers/poll'

const ROOT = path.resolve(__dirname, '../../..')
export const ADMIN = { email: 'e2e-admin@example.com', password: 'e2e-password-123' }

async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as net.AddressInfo
  await new Promise<void>((r) => server.close(() => r()))
  return port
}

async function waitForHealth(url: string, backend: ChildProcess, log: () => string) {
  const healthy = async () => {
    if (backend.exitCode !== null) throw new Error(`the backend exited (${backend.exitCode})`)
    return fetch(`${url}/healthz`).then((r) => r.ok, () => false) // not listening yet
  }
  await poll(healthy, { what: 'the backend to answer /healthz', timeoutMs: 60_000, everyMs: 200 }).catch((e: Error) => {
    throw new Error(`${e.message}\n${log()}`)
  })
}

export interface RealStackOptions {
  /** Another database than a fresh SQLite file (e.g. a PostgreSQL schema). */
  databaseUrl?: string
  /**
   * Wires WeChat's message push: the sandbox pushes to the backend's
   * /api/v1/wechat/message signed with this token (WECHAT_MESSAGE_TOKEN), and the
   * backend gets the sandbox's subscription templates (WECHAT_SUBSCRIBE_TEMPLATES).
   */
  messageToken?: string
  /** The shop's H5 address: where the sandbox's URL Links and scanned codes open the shop. */
  h5Url?: string
}

export async function startRealStack(opts: RealStackOptions = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-e2e-'))
  const keysDir = path.join(dir, 'sandbox-keys')
  const port = await freePort()
  const apiUrl = `http://127.0.0.1:${port}`
  const push = opts.messageToken ? { messagePushUrl: `${apiUrl}/api/v1/wechat/message`, messageToken: opts.messageToken } : {}
  const sandbox = createSandbox({ ...sandboxOptionsFromKeys(ensureKeysDir(keysDir)), ...push, ...(opts.h5Url ? { h5Url: opts.h5Url } : {}), log: () => {} })
  const { url: sandboxUrl } = await sandbox.listen(0, '127.0.0.1')
  let output = ''
  const backend = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['src/server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...backendEnvFor(keysDir, sandboxUrl),
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_BASE_URL: apiUrl,
      DATABASE_URL: opts.databaseUrl ?? `sqlite:${path.join(dir, 'shop.db')}`,
      ...(opts.messageToken ? { WECHAT_MESSAGE_TOKEN: opts.messageToken, WECHAT_SUBSCRIBE_TEMPLATES: subscribeTemplatesEnv() } : {}),
      MEDIA_DIR: path.join(dir, 'media'),
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'warn'
    },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  backend.stdout?.on('data', (d) => (output += d))
  backend.stderr?.on('data', (d) => (output += d))
  await waitForHealth(apiUrl, backend, () => output.slice(-4000))

  return {
    apiUrl,
    sandboxUrl,
    sandbox,
    log: () => output,
    async close() {
      if (backend.exitCode === null) {
        backend.kill('SIGTERM')
        await new Promise((r) => backend.once('exit', r))
      }
      await sandbox.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
}

/** Brand staff through the admin API: session cookie, JSON bodies. */
export async function adminClient(apiUrl: string) {
  const login = await fetch(`${apiUrl}/api/admin/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ADMIN) })
  if (!login.ok) throw new Error(`admin login failed: ${login.status} ${await login.text()}`)
  const cookie = (login.headers.getSetCookie?.() ?? [login.headers.get('set-cookie') ?? '']).map((c) => c.split(';')[0]).join('; ')
  const call = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${apiUrl}${route}`, {
      method,
      headers: { Cookie: cookie, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body)
    })
    const text = await res.text()
    if (!res.ok) throw new Error(`${method} ${route} → ${res.status}: ${text}`)
    return (text ? JSON.parse(text) : {}) as T
  }
  const upload = async (png: Buffer, name: string): Promise<string> => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), name)
    const res = await fetch(`${apiUrl}/api/admin/media`, { method: 'POST', headers: { Cookie: cookie }, body: form })
    if (!res.ok) throw new Error(`upload ${name} → ${res.status}: ${await res.text()}`)
    return ((await res.json()) as { media: { path: string } }).media.path
  }
  return { get: <T>(r: string) => call<T>('GET', r), post: <T>(r: string, b?: unknown) => call<T>('POST', r, b ?? {}), put: <T>(r: string, b: unknown) => call<T>('PUT', r, b), upload }
}
