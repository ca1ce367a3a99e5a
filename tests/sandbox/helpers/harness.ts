import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { generateSandboxKeys, sandboxOptionsFromKeys, type SandboxKeys } from '../../../src/sandbox/keys'
import { createSandbox, type Sandbox, type SandboxOptions } from '../../../src/sandbox/sandbox'
import type { Json } from './merchant'

let cached: SandboxKeys | undefined
/** One key set per test file: RSA generation is the slow part. */
export function testKeys(): SandboxKeys {
  cached ??= generateSandboxKeys()
  return cached
}

export async function startSandbox(extra: Partial<SandboxOptions> = {}): Promise<{ sandbox: Sandbox; url: string; keys: SandboxKeys }> {
  const keys = testKeys()
  const sandbox = createSandbox({ ...sandboxOptionsFromKeys(keys), timeFactor: 0.001, refundDelayMs: 20, ...extra })
  const { url } = await sandbox.listen(0)
  return { sandbox, url, keys }
}

export interface Received {
  headers: IncomingHttpHeaders
  body: string
  status: number
}

/** A merchant notify endpoint: records every POST and answers with `statusFor(n)` (n from 1). */
export async function startReceiver(statusFor: (n: number) => number = () => 204): Promise<{
  url: string
  received: Received[]
  close: () => Promise<void>
}> {
  const received: Received[] = []
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const status = statusFor(received.length + 1)
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status })
      res.writeHead(status, { 'Content-Type': 'application/json' })
      res.end(status === 200 || status === 204 ? '' : JSON.stringify({ code: 'FAIL', message: '失败' }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/api/v1/wechatpay/notify`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

export async function postJson(url: string, body: unknown): Promise<{ status: number; json: Json; headers: Headers }> {
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
  const text = await res.text()
  return { status: res.status, json: text ? JSON.parse(text) : {}, headers: res.headers }
}
