/**
 * One signed call to WeChat Pay: the Authorization header over exactly the
 * bytes sent, then the answer's signature checked over exactly the bytes
 * received. An answer that is unsigned, badly signed or outside the 300 s
 * window is never trusted, whatever its status says.
 * The call goes through node:http(s) on a keep-alive agent rather than
 * fetch: on the checkout's hot path fetch's stream machinery cost more CPU
 * than the whole exchange needs (docs/architecture.md "The checkout hot path").
 */
import { channel } from 'node:diagnostics_channel'
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'
import { err, ok, type Result } from '@core/result'
import type { Clock } from '../../clock'
import type { PayKeys } from './keys'
import { authorizationHeader, nonceStr, verifyWechatpaySignature } from './signing'

/** PAY_UNAVAILABLE: no answer or a 5xx (retry later). PAY_BAD_ANSWER: an answer we cannot trust. PAY_REJECTED: WeChat said no (4xx). */
export type PayCode = 'PAY_UNAVAILABLE' | 'PAY_BAD_ANSWER' | 'PAY_REJECTED'
export type PayResult<T> = Result<T, PayCode>

export interface PayErrorDetails {
  status?: number
  /** WeChat's own code, e.g. ORDER_NOT_EXIST, ORDERPAID, PARAM_ERROR. */
  wechatCode?: string
  requestId?: string
}

export interface Answer {
  status: number
  body: unknown
}

const USER_AGENT = 'brand-storefront/0.1 (node; WeChat Pay API v3)'

/**
 * After every call: `{method, path, outTradeNo?, waitMs}`, waitMs being the
 * time from sending the request to the answer's last byte. Nothing is built
 * unless someone subscribes; the order-pay bench does, to take WeChat's answer
 * time out of "our side" of the checkout.
 */
export const payCallChannel = channel('storefront:wechatpay:call')

export interface PayCallMessage {
  method: string
  path: string
  outTradeNo?: string
  waitMs: number
}

const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) }

interface RawAnswer {
  status: number
  headers: IncomingHttpHeaders
  raw: Buffer
}

class PayTimeoutError extends Error {
  override name = 'TimeoutError'
}

/** One exchange, bounded by timeoutMs from start to the answer's last byte. */
function exchange(url: URL, method: string, headers: Record<string, string>, body: string | undefined, timeoutMs: number): Promise<RawAnswer & { reused: boolean }> {
  return new Promise((resolve, reject) => {
    const https = url.protocol === 'https:'
    const req = (https ? httpsRequest : httpRequest)(url, { method, headers, agent: https ? agents.https : agents.http }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        clearTimeout(timer)
        resolve({ status: res.statusCode ?? 0, headers: res.headers, raw: Buffer.concat(chunks), reused: req.reusedSocket })
      })
      res.on('error', (e) => {
        clearTimeout(timer)
        reject(e)
      })
    })
    const timer = setTimeout(() => req.destroy(new PayTimeoutError(`no answer within ${timeoutMs} ms`)), timeoutMs)
    req.on('error', (e: Error & { reused?: boolean }) => {
      clearTimeout(timer)
      e.reused = req.reusedSocket
      reject(e)
    })
    req.end(body)
  })
}

/**
 * A kept-alive connection the other side closed while idle fails at once with
 * ECONNRESET before anything was read; Node's documented remedy is to send
 * again on a new connection. Safe here: every WeChat Pay call is idempotent
 * by its out_trade_no / out_refund_no, and the signature holds for 300 s.
 */
async function send(url: URL, method: string, headers: Record<string, string>, body: string | undefined, timeoutMs: number): Promise<RawAnswer> {
  try {
    return await exchange(url, method, headers, body, timeoutMs)
  } catch (e) {
    const failed = e as Error & { reused?: boolean; code?: string }
    if (failed.reused && failed.code === 'ECONNRESET') return exchange(url, method, headers, body, timeoutMs)
    throw e
  }
}

export async function payRequest(
  keys: PayKeys,
  clock: Clock,
  timeoutMs: number,
  method: 'GET' | 'POST',
  path: string,
  body?: object
): Promise<PayResult<Answer>> {
  const url = new URL(keys.apiBase + path)
  const text = body === undefined ? '' : JSON.stringify(body)
  const authorization = await authorizationHeader(keys, {
    method,
    canonicalUrl: url.pathname + url.search,
    body: text,
    timestamp: String(Math.floor(clock.now().getTime() / 1000)),
    nonce: nonceStr()
  })
  const headers: Record<string, string> = {
    Authorization: authorization,
    Accept: 'application/json',
    'User-Agent': USER_AGENT,
    // NOTE: naming the public key id asks WeChat to sign its answer with that key, not a platform certificate.
    'Wechatpay-Serial': keys.publicKeyId
  }
  if (method === 'POST') {
    headers['Content-Type'] = 'application/json'
    headers['Content-Length'] = String(Buffer.byteLength(text))
  }
  let res: RawAnswer
  const sentAt = performance.now()
  try {
    res = await send(url, method, headers, method === 'POST' ? text : undefined, timeoutMs)
    if (payCallChannel.hasSubscribers) {
      const outTradeNo = (body as { out_trade_no?: unknown } | undefined)?.out_trade_no
      const message: PayCallMessage = { method, path: url.pathname, waitMs: performance.now() - sentAt, ...(typeof outTradeNo === 'string' ? { outTradeNo } : {}) }
      payCallChannel.publish(message)
    }
  } catch (e) {
    return err('PAY_UNAVAILABLE', `WeChat Pay could not be reached (${(e as Error).name}: ${(e as Error).message})`)
  }
  const raw = res.raw
  const requestId = res.headers['request-id']
  const details: PayErrorDetails = { status: res.status, requestId: typeof requestId === 'string' ? requestId : undefined }
  const signed = verifyWechatpaySignature(keys, res.headers, raw, clock.now().getTime())
  if (!signed.ok) {
    // A proxy's 502 is unsigned too: still untrusted, but worth a retry.
    const code: PayCode = res.status >= 500 ? 'PAY_UNAVAILABLE' : 'PAY_BAD_ANSWER'
    return err(code, `WeChat Pay's answer (HTTP ${res.status}) failed verification: ${signed.error.message}`, details)
  }
  let parsed: unknown = null
  if (raw.length > 0) {
    try {
      parsed = JSON.parse(raw.toString('utf8'))
    } catch {
      return err('PAY_BAD_ANSWER', `WeChat Pay answered HTTP ${res.status} with a body that is not JSON`, details)
    }
  }
  if (res.status >= 400) {
    const b = (parsed ?? {}) as { code?: unknown; message?: unknown }
    const wechatCode = typeof b.code === 'string' ? b.code : undefined
    const message = typeof b.message === 'string' ? b.message : ''
    const code: PayCode = res.status >= 500 ? 'PAY_UNAVAILABLE' : 'PAY_REJECTED'
    return err(code, `WeChat Pay refused ${method} ${url.pathname}: HTTP ${res.status} ${wechatCode ?? ''} ${message}`.trim(), {
      ...details,
      wechatCode
    })
  }
  return ok({ status: res.status, body: parsed })
}

/** WeChat's own error code of a failed call, if it gave one. */
export function wechatCodeOf(result: PayResult<unknown>): string | undefined {
  return result.ok ? undefined : (result.error.details as PayErrorDetails | undefined)?.wechatCode
}
