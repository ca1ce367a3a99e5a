import { createHmac, randomBytes, randomInt } from 'node:crypto'

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** Random letters and digits, as WeChat uses for nonces (the GCM nonce is 12 of them). */
export function alnum(length: number): string {
  let out = ''
  for (let i = 0; i < length; i++) out += ALNUM[randomInt(ALNUM.length)]
  return out
}

export function digits(length: number): string {
  let out = ''
  for (let i = 0; i < length; i++) out += String(randomInt(10))
  return out
}

export function hex(bytes: number): string {
  return randomBytes(bytes).toString('hex')
}

/** `yyyyMMddHHmmss` in Beijing time, the date part WeChat puts in its ids. */
export function beijingStamp(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().replace(/[-:T]/g, '').slice(0, 14)
}

/** RFC 3339 in Beijing time, as WeChat writes `success_time` and `create_time`. */
export function beijingTime(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 19) + '+08:00'
}

export const prepayId = (ms: number): string => `wx${beijingStamp(ms)}${hex(11)}`
export const transactionId = (ms: number): string => `42000${digits(5)}${beijingStamp(ms).slice(0, 8)}${digits(10)}`
export const refundId = (ms: number): string => `50000${digits(6)}${beijingStamp(ms).slice(0, 8)}${digits(10)}`
export const requestId = (): string => `08${hex(15)}`

// NOTE: openids look like `oGZUI0egBJY1zhBYw2KhdUfwVJJE` (28 characters). Ours carry a
// MAC of the app secret so a restarted sandbox still recognises the shoppers it issued
// (their openids live on in the backend's database) and refuses made-up ones, as WeChat does.
function openidMac(seed: string, secret: string): string {
  return createHmac('sha256', secret).update(seed).digest('base64url').slice(0, 12)
}

export function issueOpenid(secret: string): string {
  const seed = 'o' + randomBytes(12).toString('base64url').slice(0, 15)
  return seed + openidMac(seed, secret)
}

export function isIssuedOpenid(openid: string, secret: string): boolean {
  return openid.length === 28 && openidMac(openid.slice(0, 16), secret) === openid.slice(16)
}
