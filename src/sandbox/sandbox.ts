import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { confirmPageRoutes } from './confirm-page'
import { controlRoutes } from './control'
import type { ControlState, Deps } from './deps'
import { BodyTooLarge, controlError, readBody, sendReply, type Reply, type RequestContext, type Route } from './http'
import { issueLoginCode, loginRoutes } from './login'
import { createMessagePusher } from './message-push'
import { createMpControl, type MpControl } from './mp-control'
import { mpControlRoutes } from './mp-control-routes'
import { mpRoutes } from './mp-routes'
import { createNotifier, type Delivery } from './notifier'
import { resolveOptions, type SandboxOptions } from './options'
import { payApiRoutes } from './pay-api'
import { payPageRoutes } from './pay-page'
import { checkPayable, pay } from './payment'
import { refundRoutes } from './refunds'
import { createStore, type Store } from './store'
import { Timers } from './timers'
import { handleV3, signReply } from './v3-gateway'
import { payError } from './pay-errors'
import { linkPageRoutes } from './reach-links'
import { reachControlRoutes } from './reach-control-routes'
import { codeScanRoutes } from './wxacode'

export type { SandboxOptions } from './options'
export type { MpControl } from './mp-control'

export interface Sandbox {
  listen(port?: number, host?: string): Promise<{ url: string }>
  close(): Promise<void>
  /** `http://host:port` once listening. */
  readonly url: string
  /** Plays wx.login: a code for a new shopper, or for `openid`; `fail` forces a jscode2session errcode. */
  loginCode(input?: { openid?: string; fail?: number }): { code: string; openid: string }
  /** Plays the shopper tapping 确认支付 for this prepay_id. */
  confirmPayment(prepayId: string): Promise<Delivery[]>
  /** Run-time knobs, the same as POST /sandbox/notify-options. */
  readonly control: ControlState
  deliveries(): Delivery[]
  /** WeChat's records, for assertions that the HTTP API cannot make. */
  readonly store: Store
  /** The mini-program side (trade management, tokens, subscription messages): the same as /sandbox/mp/*. */
  readonly mp: MpControl
}

// The sandbox's own control API is called from the H5 preview, another origin.
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type'
}

export function createSandbox(options: SandboxOptions): Sandbox {
  const o = resolveOptions(options)
  const timers = new Timers(options.schedule)
  let baseUrl = ''
  const d: Deps = {
    o,
    store: createStore(),
    notifier: createNotifier(o, timers),
    pusher: createMessagePusher(o, timers),
    control: { duplicates: o.duplicates, nextRefundOutcome: 'SUCCESS' },
    timers,
    baseUrl: () => baseUrl
  }
  const mp = createMpControl(d)
  const routes: Route[] = [
    ...loginRoutes(d), ...payApiRoutes(d), ...refundRoutes(d), ...payPageRoutes(d), ...controlRoutes(d),
    ...mpRoutes(d), ...mpControlRoutes(d, mp), ...confirmPageRoutes(d),
    ...linkPageRoutes(d), ...codeScanRoutes(d), ...reachControlRoutes(d)
  ]

  function match(method: string, path: string): { route?: Route; params: Record<string, string> } {
    for (const route of routes) {
      const m = route.method === method ? route.pattern.exec(path) : null
      if (!m) continue
      const params: Record<string, string> = {}
      for (const [k, v] of Object.entries(m.groups ?? {})) params[k] = decodeURIComponent(v)
      return { route, params }
    }
    return { params: {} }
  }

  async function answer(req: IncomingMessage): Promise<Reply> {
    const rawUrl = req.url ?? '/'
    const url = new URL(rawUrl, 'http://sandbox.local')
    const method = req.method ?? 'GET'
    const isV3 = url.pathname.startsWith('/v3/')
    if (method === 'OPTIONS' && url.pathname.startsWith('/sandbox/')) return { status: 204, headers: CORS }
    let body: string
    try {
      body = await readBody(req)
    } catch (e) {
      if (!(e instanceof BodyTooLarge)) throw e
      return isV3 ? signReply(d, payError(413, 'PARAM_ERROR', e.message)) : controlError(413, 'TOO_LARGE', e.message)
    }
    const { route, params } = match(method, url.pathname)
    const ctx: RequestContext = { method, rawUrl, url, headers: req.headers, body, params }
    if (isV3) return handleV3(d, route, ctx)
    if (!route) return controlError(404, 'NOT_FOUND', `the sandbox has no ${method} ${url.pathname}`)
    const reply = await route.handle(ctx)
    return url.pathname.startsWith('/sandbox/') ? { ...reply, headers: { ...reply.headers, ...CORS } } : reply
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let reply: Reply
    try {
      reply = await answer(req)
    } catch (e) {
      // A sandbox bug must show, not pass as a WeChat answer a client might trust.
      console.error('[sandbox] handler failed', req.method, req.url, e)
      const failure = payError(500, 'SYSTEM_ERROR', `沙箱内部错误：${(e as Error).message}`)
      reply = (req.url ?? '').startsWith('/v3/') ? signReply(d, failure) : failure
    }
    if (!res.headersSent) sendReply(res, reply)
  }

  const server: Server = createServer((req, res) => void onRequest(req, res))

  return {
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, host, () => {
          server.off('error', reject)
          const address = server.address() as AddressInfo
          baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`
          resolve({ url: baseUrl })
        })
      })
    },
    close() {
      timers.clearAll()
      d.notifier.close()
      d.pusher.close()
      return new Promise((resolve, reject) => {
        if (!server.listening) return resolve()
        server.close((e) => (e ? reject(e) : resolve()))
        server.closeAllConnections()
      })
    },
    get url() {
      return baseUrl
    },
    loginCode: (input = {}) => issueLoginCode(d, input),
    async confirmPayment(prepayId) {
      const check = checkPayable(d, prepayId)
      if (!check.ok) throw new Error(`confirmPayment(${prepayId}): ${check.code} ${check.message}`)
      return pay(d, check.order)
    },
    control: d.control,
    deliveries: () => d.notifier.deliveries(),
    store: d.store,
    mp
  }
}
