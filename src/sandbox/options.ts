import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto'
import { aesKeyOf } from './message-crypto'
import type { Schedule } from './timers'

/** What the sandbox needs to play one mini-program (appid) and one merchant (mchid). */
export interface SandboxOptions {
  appid: string
  secret: string
  mchid: string
  /** The merchant API certificate serial the merchant puts in `serial_no`. */
  merchantSerialNo: string
  /** Verifies the merchant's Authorization signatures and paySign. */
  merchantPublicKeyPem: string
  /** Signs every Pay answer and notification (the "WeChat Pay public key" pair). */
  wechatpayPrivateKeyPem: string
  /** `PUB_KEY_ID_…`, sent as `Wechatpay-Serial`. */
  wechatpayPublicKeyId: string
  /** 32-byte APIv3 key: AES-256-GCM key of notification resources. */
  apiV3Key: string
  /** Shown on the pay page. */
  merchantName?: string
  /** Multiplies the notify retry schedule (15s/15s/30s/3m/…); 0.001 turns 15 s into 15 ms. */
  timeFactor?: number
  /** Send every notification this many times (WeChat may deliver one event more than once). */
  duplicates?: number
  /** How long a refund stays PROCESSING before it settles and is notified. */
  refundDelayMs?: number
  /** How long the notifier waits for the merchant's answer (WeChat asks for one within 5 s). */
  notifyTimeoutMs?: number
  /** Answer jscode2session with a `unionid` (as when the app is bound to an Open Platform account). */
  unionid?: boolean
  /** Accept `payer.openid` values this sandbox never issued (real WeChat refuses them). */
  acceptUnknownOpenids?: boolean
  /** The backend's message-push URL (`…/api/v1/wechat/message`): where trade-management events go. */
  messagePushUrl?: string
  /** The message-push Token (消息推送 → Token): signs every push. Required with messagePushUrl. */
  messageToken?: string
  /** The 43-character EncodingAESKey; when set, pushes go in safe mode (`{Encrypt}`, `msg_signature`). */
  messageAesKey?: string
  /**
   * The shop's H5 address (`http://127.0.0.1:3000/`): where a URL Link opened in a browser
   * (GET /wxaurl/:ticket) sends the shopper, at the link's page and query plus scene=1194.
   */
  h5Url?: string
  /** The published pages (app.json `pages`); when given, links and codes refuse other paths (40165, 41030, 40066). */
  pages?: string[]
  /** Epoch milliseconds; drives header timestamps, the 5-minute windows, code and prepay expiry. */
  now?: () => number
  /** Where the sandbox reports what it does (deliveries, refusals); silent by default. */
  log?: (line: string) => void
  /** Starts its timers (notify retries, refund settlement, push retries); setTimeout by default. */
  schedule?: Schedule
}

export interface ResolvedOptions {
  appid: string
  secret: string
  mchid: string
  merchantSerialNo: string
  merchantPublicKey: KeyObject
  wechatpayPrivateKey: KeyObject
  wechatpayPublicKeyId: string
  apiV3Key: Buffer
  merchantName: string
  timeFactor: number
  duplicates: number
  refundDelayMs: number
  notifyTimeoutMs: number
  unionid: boolean
  acceptUnknownOpenids: boolean
  messagePushUrl?: string
  messageToken?: string
  /** The AES key decoded from the EncodingAESKey (safe mode), or undefined (plain mode). */
  messageAesKey?: Buffer
  h5Url?: string
  pages?: string[]
  now: () => number
  log: (line: string) => void
}

function need(value: string | undefined, name: string): string {
  if (typeof value !== 'string' || value === '') throw new Error(`createSandbox: option ${name} is required`)
  return value
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback
  if (!Number.isFinite(value) || value <= 0) throw new Error(`createSandbox: option ${name} must be a positive number, got ${value}`)
  return value
}

function messagePush(o: SandboxOptions): Pick<ResolvedOptions, 'messagePushUrl' | 'messageToken' | 'messageAesKey'> {
  const url = o.messagePushUrl || undefined
  if (url !== undefined && !/^https?:\/\/[^/]/.test(url)) throw new Error(`createSandbox: messagePushUrl must be an http(s) URL, got ${url}`)
  const token = o.messageToken || undefined
  if (token !== undefined && !/^[A-Za-z0-9]{3,32}$/.test(token)) throw new Error('createSandbox: messageToken must be 3-32 letters and digits (as WeChat\'s 消息推送 Token)')
  if (url && !token) throw new Error('createSandbox: messageToken is required with messagePushUrl (every push is signed with it)')
  let key: Buffer | undefined
  if (o.messageAesKey) {
    try {
      key = aesKeyOf(o.messageAesKey)
    } catch (e) {
      throw new Error(`createSandbox: messageAesKey: ${(e as Error).message}`)
    }
  }
  return { ...(url ? { messagePushUrl: url } : {}), ...(token ? { messageToken: token } : {}), ...(key ? { messageAesKey: key } : {}) }
}

function h5(o: SandboxOptions): Pick<ResolvedOptions, 'h5Url'> {
  if (!o.h5Url) return {}
  if (!/^https?:\/\/[^/]/.test(o.h5Url)) throw new Error(`createSandbox: h5Url must be an http(s) URL, got ${o.h5Url}`)
  return { h5Url: o.h5Url }
}

/** Checks every option once at construction, so a bad key fails at start and not at the first payment. */
export function resolveOptions(o: SandboxOptions): ResolvedOptions {
  const apiV3Key = Buffer.from(need(o.apiV3Key, 'apiV3Key'), 'utf8')
  if (apiV3Key.length !== 32) throw new Error(`createSandbox: apiV3Key must be 32 bytes, got ${apiV3Key.length}`)
  const keyId = need(o.wechatpayPublicKeyId, 'wechatpayPublicKeyId')
  if (!keyId.startsWith('PUB_KEY_ID_')) throw new Error(`createSandbox: wechatpayPublicKeyId must look like PUB_KEY_ID_…, got ${keyId}`)
  const duplicates = positive(o.duplicates, 1, 'duplicates')
  if (!Number.isInteger(duplicates)) throw new Error(`createSandbox: duplicates must be an integer, got ${duplicates}`)
  let merchantPublicKey: KeyObject
  let wechatpayPrivateKey: KeyObject
  try {
    merchantPublicKey = createPublicKey(need(o.merchantPublicKeyPem, 'merchantPublicKeyPem'))
  } catch (e) {
    throw new Error(`createSandbox: merchantPublicKeyPem is not a readable public key (${(e as Error).message})`)
  }
  try {
    wechatpayPrivateKey = createPrivateKey(need(o.wechatpayPrivateKeyPem, 'wechatpayPrivateKeyPem'))
  } catch (e) {
    throw new Error(`createSandbox: wechatpayPrivateKeyPem is not a readable private key (${(e as Error).message})`)
  }
  return {
    appid: need(o.appid, 'appid'),
    secret: need(o.secret, 'secret'),
    mchid: need(o.mchid, 'mchid'),
    merchantSerialNo: need(o.merchantSerialNo, 'merchantSerialNo'),
    merchantPublicKey,
    wechatpayPrivateKey,
    wechatpayPublicKeyId: keyId,
    apiV3Key,
    merchantName: o.merchantName ?? '沙箱示例商户',
    timeFactor: positive(o.timeFactor, 1, 'timeFactor'),
    duplicates,
    refundDelayMs: o.refundDelayMs ?? 500,
    notifyTimeoutMs: positive(o.notifyTimeoutMs, 5000, 'notifyTimeoutMs'),
    unionid: o.unionid ?? false,
    acceptUnknownOpenids: o.acceptUnknownOpenids ?? false,
    ...messagePush(o),
    ...h5(o),
    ...(o.pages ? { pages: [...o.pages] } : {}),
    now: o.now ?? Date.now,
    log: o.log ?? (() => {})
  }
}
