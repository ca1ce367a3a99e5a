/**
 * Shared by the events suites: shoppers logged in through the real login
 * route (a jscode2session fake answers the code), and event builders.
 */
import type { TestApp } from '../helpers/test-app'
import type { WechatFake } from '../helpers/wechat-fake'

let seq = 0

/** Logs a shopper in (`openid` is who they are at WeChat); `anonId` binds that device. */
export async function loginShopper(
  t: TestApp,
  fake: WechatFake,
  openid: string,
  anonId?: string
): Promise<{ token: string; userId: string }> {
  const code = `code-${openid}-${++seq}`
  fake.answers.set(code, { body: { openid, session_key: 'c2Vzc2lvbi1rZXktMTIzNDU2Nzg=' } })
  const res = await t.call('POST', '/api/v1/auth/login', { body: { code, ...(anonId ? { anonId } : {}) } })
  if (res.status !== 200) throw new Error(`shopper login failed: ${res.status} ${JSON.stringify(res.json)}`)
  return { token: res.json.token, userId: res.json.user.id }
}

export type Ev = Record<string, unknown> & { id: string; type: string; ts: number; anonId: string }

export function ev(id: string, type: string, anonId: string, ts: number, fields: Record<string, unknown> = {}): Ev {
  return { id, type, ts, anonId, sessionId: `s-${anonId}`, ...fields }
}

export async function sendEvents(t: TestApp, events: unknown[], token?: string) {
  const res = await t.call('POST', '/api/v1/events', { body: { events }, ...(token ? { token } : {}) })
  if (res.status !== 200) throw new Error(`POST /events: ${res.status} ${JSON.stringify(res.json)}`)
  return res.json as { accepted: number; duplicates: number; rejected: Array<{ index: number; code: string; message: string }> }
}
