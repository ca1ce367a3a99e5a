import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'

/** What a handler answers; the server writes it (and signs it on /v3 paths). */
export interface Reply {
  status: number
  body?: string
  /** A binary body (getwxacodeunlimit's PNG); sent instead of `body`. */
  binary?: Buffer
  headers?: Record<string, string>
}

export interface RequestContext {
  method: string
  /** The path and query exactly as sent: the CANONICAL_URL the merchant signed. */
  rawUrl: string
  url: URL
  headers: IncomingHttpHeaders
  body: string
  params: Record<string, string>
}

export interface Route {
  method: string
  pattern: RegExp
  handle: (ctx: RequestContext) => Reply | Promise<Reply>
}

/** `/v3/pay/transactions/out-trade-no/:outTradeNo/close` → a route whose params are decoded. */
export function route(method: string, path: string, handle: Route['handle']): Route {
  const source = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:([A-Za-z]+)/g, '(?<$1>[^/]+)')
  return { method, pattern: new RegExp(`^${source}$`), handle }
}

export function json(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, body: JSON.stringify(value), headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers } }
}

export function html(status: number, page: string): Reply {
  return { status, body: page, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } }
}

export function redirect(location: string): Reply {
  return { status: 303, headers: { Location: location } }
}

/** Our own control API's error shape (not WeChat's). */
export function controlError(status: number, code: string, message: string): Reply {
  return json(status, { error: { code, message } })
}

export class BodyTooLarge extends Error {}

export function readBody(req: IncomingMessage, limitBytes = 1024 * 1024): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      // Past the limit the rest is drained unread, so the 413 can still be written.
      if (size > limitBytes) reject(new BodyTooLarge(`request body over ${limitBytes} bytes`))
      else chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

export function sendReply(res: ServerResponse, reply: Reply): void {
  const body = reply.binary ?? reply.body ?? ''
  res.writeHead(reply.status, { ...reply.headers, 'Content-Length': String(Buffer.byteLength(body)) })
  res.end(body)
}

/** Parses a JSON object body; null when it is not one. */
export function parseJsonObject(body: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(body)
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}
