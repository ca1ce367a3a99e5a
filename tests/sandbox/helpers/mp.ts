// The backend's half of the mini-program server APIs, written from WeChat's published rules (docs/wechat.md) with fetch only.
import type { SandboxKeys } from '../../../src/sandbox/keys'
import type { Sandbox, SandboxOptions } from '../../../src/sandbox/sandbox'
import { startReceiver, startSandbox } from './harness'
import { jsapiBody, rfc3339, v3, type Json } from './merchant'

/** A sandbox clock the test moves by hand. */
export interface TestClock {
  now: () => number
  advance: (ms: number) => void
}

export function testClock(start = Date.now()): TestClock {
  let t = start
  return { now: () => t, advance: (ms) => void (t += ms) }
}

export interface MpHarness {
  sandbox: Sandbox
  url: string
  keys: SandboxKeys
  clock: TestClock
  openid: string
  /** POST a JSON body (or raw text) to a server API; the access_token is added unless given. */
  call: (path: string, body: unknown, token?: string | null) => Promise<Json>
  token: () => Promise<string>
  /** A JSAPI order paid by `openid` (or another payer): its transaction id and out_trade_no. */
  paidOrder: (opts?: { openid?: string; totalFen?: number }) => Promise<{ transactionId: string; outTradeNo: string; openid: string }>
  close: () => Promise<void>
}

export async function startMp(extra: Partial<SandboxOptions> = {}): Promise<MpHarness> {
  const clock = testClock()
  const { sandbox, url, keys } = await startSandbox({ now: clock.now, ...extra })
  const notify = await startReceiver()
  const openid = sandbox.loginCode().openid
  let cached: { token: string; until: number } | undefined

  const post = async (path: string, body: unknown): Promise<Json> => {
    const res = await fetch(url + path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) })
    expect(res.status).toBe(200)
    return JSON.parse(await res.text())
  }
  // Renewed as a backend would: before it runs out on the (moved) sandbox clock.
  const token = async (): Promise<string> => {
    if (!cached || cached.until <= clock.now()) {
      const r = await post('/cgi-bin/stable_token', { grant_type: 'client_credential', appid: keys.appid, secret: keys.secret })
      cached = { token: r.access_token as string, until: clock.now() + (r.expires_in as number) * 1000 - 300_000 }
    }
    return cached.token
  }
  return {
    sandbox, url, keys, clock, openid,
    token,
    async call(path, body, given) {
      const t = given === undefined ? await token() : given
      return post(t === null ? path : `${path}?access_token=${encodeURIComponent(t)}`, body)
    },
    async paidOrder(opts = {}) {
      const payer = opts.openid ?? openid
      const body = jsapiBody(keys, payer, notify.url, { amount: { total: opts.totalFen ?? 12900, currency: 'CNY' }, time_expire: rfc3339(clock.now() + 15 * 60_000) })
      // The merchant signs with the sandbox clock so the 5-minute window holds after clock moves.
      const created = await v3(keys, url, 'POST', '/v3/pay/transactions/jsapi', body, { timestamp: Math.floor(clock.now() / 1000) })
      await sandbox.confirmPayment(created.json.prepay_id)
      const order = sandbox.store.orders.get(body.out_trade_no as string)
      return { transactionId: order?.transactionId as string, outTradeNo: body.out_trade_no as string, openid: payer }
    },
    async close() {
      await sandbox.close()
      await notify.close()
    }
  }
}

/** upload_time as WeChat asks: RFC 3339 in +08:00. */
export function beijing(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().replace('Z', '+08:00')
}

/** A valid express upload for one parcel, to be changed field by field. */
export function expressUpload(o: { transactionId: string; openid: string }, at: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    order_key: { order_number_type: 2, transaction_id: o.transactionId },
    logistics_type: 1,
    delivery_mode: 1,
    shipping_list: [{ tracking_no: 'YT7512345678901', express_company: 'YTO', item_desc: '经典帆布包*1' }],
    upload_time: beijing(at),
    payer: { openid: o.openid },
    ...extra
  }
}
