/**
 * Real HTTP from another loopback address (127.0.0.2, 127.0.0.3, …): Linux
 * routes all of 127/8 to lo, so binding the client socket there makes the
 * server see that address as request.ip, without X-Forwarded-For or trustProxy.
 */
import { request } from 'node:http'
import type { CallResult, Json } from './test-app'

export function callFrom(
  localAddress: string,
  baseUrl: string,
  method: string,
  path: string,
  opts: { body?: unknown; headers?: Record<string, string> } = {}
): Promise<CallResult> {
  const body = opts.body === undefined ? undefined : JSON.stringify(opts.body)
  const headers: Record<string, string> = { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...opts.headers }
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}${path}`, { method, headers, localAddress, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        let json: Json = undefined
        try {
          json = text === '' ? undefined : JSON.parse(text)
        } catch {
          json = undefined
        }
        const h = new Headers()
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') h.set(k, v)
        resolve({ status: res.statusCode ?? 0, json, text, headers: h })
      })
    })
    req.on('error', reject)
    req.end(body)
  })
}
