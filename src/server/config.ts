/**
 * The backend's whole configuration, read once from the environment
 * (CONTRACT.md "Backend configuration"). A missing or malformed required
 * value throws ConfigError naming every bad variable, so the operator fixes
 * them all in one go. Secret values never appear in the messages.
 *
 * Additions beyond the contract: MEDIA_DIR (where uploads are stored,
 * default data/media).
 */
import { readFileSync } from 'node:fs'
import { createPrivateKey, createPublicKey } from 'node:crypto'
import { loadHosting, type HostingConfig } from './config-hosting'
import { loadOps, type OpsConfig } from './config-ops'
import { z } from 'zod'

export interface WechatPayConfig {
  mchId: string
  serialNo: string
  privateKeyPem: string
  apiV3Key: string
  publicKeyPem: string
  publicKeyId: string
  apiBase: string
}

export interface Config {
  port: number
  host: string
  databaseUrl: string
  publicBaseUrl: string
  wechat: { appId: string; secret: string; apiBase: string }
  /** null until every WECHATPAY_* variable is set; partial sets are refused. */
  wechatPay: WechatPayConfig | null
  admin: { email: string; password: string } | null
  orderPayTimeoutMinutes: number
  mediaDir: string
  /** TRUST_PROXY and STATIC_DIR (config-hosting.ts). */
  hosting: HostingConfig
  /** WeChat's message push (开发设置 → 消息推送): token null = pushes are refused; aesKey set = safe mode. */
  wechatMessage: { token: string | null; aesKey: string | null }
  /** Subscription-message template ids by purpose; a missing key means that message is not sent. */
  subscribeTemplates: SubscribeTemplates
  /** Which build WeChat's links, codes and messages open. */
  wechatEnvVersion: WechatEnvVersion
  orderAutoCompleteDays: number
  afterSaleDays: number
  /** METRICS_TOKEN, EVENT_RETENTION_DAYS, the log file (config-ops.ts). */
  ops: OpsConfig
}

export const SUBSCRIBE_TEMPLATE_KEYS = ['shipped', 'refund', 'afterSale', 'launch'] as const
export type SubscribeTemplates = Partial<Record<(typeof SUBSCRIBE_TEMPLATE_KEYS)[number], string>>
export const WECHAT_ENV_VERSIONS = ['release', 'trial', 'develop'] as const
export type WechatEnvVersion = (typeof WECHAT_ENV_VERSIONS)[number]

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`)
    this.name = 'ConfigError'
  }
}

type Env = Record<string, string | undefined>

const PAY_VARS = [
  'WECHATPAY_MCHID',
  'WECHATPAY_SERIAL_NO',
  'WECHATPAY_PRIVATE_KEY_FILE',
  'WECHATPAY_APIV3_KEY',
  'WECHATPAY_PUBLIC_KEY_FILE',
  'WECHATPAY_PUBLIC_KEY_ID'
] as const

export function loadConfig(env: Env): Config {
  const problems: string[] = []
  const get = (name: string): string | undefined => {
    const v = env[name]
    return v === undefined || v.trim() === '' ? undefined : v.trim()
  }
  const required = (name: string): string => {
    const v = get(name)
    if (v === undefined) problems.push(`${name} is required`)
    return v ?? ''
  }
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const v = get(name)
    if (v === undefined) return fallback
    const n = Number(v)
    if (!/^\d+$/.test(v) || n < min || n > max) {
      problems.push(`${name} must be an integer from ${min} to ${max}, got "${v}"`)
      return fallback
    }
    return n
  }
  const url = (name: string, fallback: string): string => {
    const v = get(name) ?? fallback
    try {
      const u = new URL(v)
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http')
    } catch {
      problems.push(`${name} must be an http(s) URL, got "${v}"`)
    }
    return v.replace(/\/+$/, '')
  }

  const port = int('PORT', 3000, 0, 65535)
  const host = get('HOST') ?? '127.0.0.1'
  const databaseUrl = get('DATABASE_URL') ?? 'sqlite:data/shop.db'
  if (!/^(sqlite:.+|postgres(ql)?:\/\/.+)$/.test(databaseUrl)) {
    problems.push('DATABASE_URL must be sqlite:PATH, sqlite::memory: or postgres://…')
  }
  const publicBaseUrl = url('PUBLIC_BASE_URL', `http://${host}:${port}`)
  const wechat = {
    appId: required('WECHAT_APPID'),
    secret: required('WECHAT_SECRET'),
    apiBase: url('WECHAT_API_BASE', 'https://api.weixin.qq.com')
  }

  let admin: Config['admin'] = null
  const adminEmail = get('ADMIN_EMAIL')
  const adminPassword = env.ADMIN_PASSWORD
  if (adminEmail !== undefined || adminPassword) {
    if (adminEmail === undefined || !/^[^@\s]+@[^@\s]+$/.test(adminEmail)) {
      problems.push('ADMIN_EMAIL must be an e-mail address when ADMIN_PASSWORD is set')
    }
    if (!adminPassword || adminPassword.length < 8) {
      problems.push('ADMIN_PASSWORD must be at least 8 characters when ADMIN_EMAIL is set')
    }
    admin = { email: (adminEmail ?? '').toLowerCase(), password: adminPassword ?? '' }
  }

  const wechatPay = loadPayConfig(get, problems, url('WECHATPAY_API_BASE', 'https://api.mch.weixin.qq.com'))
  const orderPayTimeoutMinutes = int('ORDER_PAY_TIMEOUT_MINUTES', 15, 1, 24 * 60)
  const mediaDir = get('MEDIA_DIR') ?? 'data/media'
  const wechatMessage = loadMessageConfig(get, problems)
  const subscribeTemplates = loadTemplates(get('WECHAT_SUBSCRIBE_TEMPLATES'), problems)
  const envVersion = get('WECHAT_ENV_VERSION') ?? 'release'
  if (!(WECHAT_ENV_VERSIONS as readonly string[]).includes(envVersion)) {
    problems.push(`WECHAT_ENV_VERSION must be one of ${WECHAT_ENV_VERSIONS.join(', ')}, got "${envVersion}"`)
  }
  const orderAutoCompleteDays = int('ORDER_AUTO_COMPLETE_DAYS', 10, 1, 90)
  const afterSaleDays = int('AFTER_SALE_DAYS', 7, 0, 365)
  const hosting = loadHosting(get, problems)
  const ops = loadOps(env, problems)

  if (problems.length > 0) throw new ConfigError(problems)
  return {
    port,
    host,
    databaseUrl,
    publicBaseUrl,
    wechat,
    wechatPay,
    admin,
    orderPayTimeoutMinutes,
    mediaDir,
    wechatMessage,
    subscribeTemplates,
    wechatEnvVersion: envVersion as WechatEnvVersion,
    orderAutoCompleteDays,
    afterSaleDays,
    hosting,
    ops
  }
}

function loadMessageConfig(get: (name: string) => string | undefined, problems: string[]): Config['wechatMessage'] {
  const token = get('WECHAT_MESSAGE_TOKEN') ?? null
  const aesKey = get('WECHAT_MESSAGE_AES_KEY') ?? null
  // WeChat's admin page accepts 3–32 letters and digits as the Token.
  if (token !== null && !/^[A-Za-z0-9]{3,32}$/.test(token)) {
    problems.push('WECHAT_MESSAGE_TOKEN must be 3–32 letters or digits (as set in 开发设置 → 消息推送)')
  }
  // EncodingAESKey: 43 characters of base64 without the trailing "=".
  if (aesKey !== null && !/^[A-Za-z0-9+/]{43}$/.test(aesKey)) {
    problems.push('WECHAT_MESSAGE_AES_KEY must be the 43-character EncodingAESKey')
  }
  if (aesKey !== null && token === null) problems.push('WECHAT_MESSAGE_AES_KEY needs WECHAT_MESSAGE_TOKEN as well')
  return { token, aesKey }
}

const templatesSchema = z
  .object(Object.fromEntries(SUBSCRIBE_TEMPLATE_KEYS.map((k) => [k, z.string().regex(/^[\w-]{1,128}$/).optional()])))
  .strict()

function loadTemplates(raw: string | undefined, problems: string[]): SubscribeTemplates {
  if (raw === undefined) return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    problems.push('WECHAT_SUBSCRIBE_TEMPLATES must be JSON like {"shipped":"TEMPLATE_ID"}')
    return {}
  }
  const checked = templatesSchema.safeParse(parsed)
  if (!checked.success) {
    const where = checked.error.issues.map((i) => i.path.join('.') || (i.code === 'unrecognized_keys' ? i.keys.join(', ') : 'value'))
    problems.push(
      `WECHAT_SUBSCRIBE_TEMPLATES must map ${SUBSCRIBE_TEMPLATE_KEYS.join('/')} to template ids (letters, digits, _ or -); check ${where.join(', ')}`
    )
    return {}
  }
  return checked.data as SubscribeTemplates
}

function loadPayConfig(
  get: (name: string) => string | undefined,
  problems: string[],
  apiBase: string
): WechatPayConfig | null {
  const present = PAY_VARS.filter((n) => get(n) !== undefined)
  if (present.length === 0) return null
  const missing = PAY_VARS.filter((n) => get(n) === undefined)
  for (const n of missing) problems.push(`${n} is required when any WECHATPAY_* variable is set`)

  const mchId = get('WECHATPAY_MCHID') ?? ''
  if (mchId && !/^\d{6,32}$/.test(mchId)) problems.push('WECHATPAY_MCHID must be digits')
  const serialNo = get('WECHATPAY_SERIAL_NO') ?? ''
  if (serialNo && !/^[0-9A-Fa-f]{8,64}$/.test(serialNo)) problems.push('WECHATPAY_SERIAL_NO must be a hex certificate serial')
  const apiV3Key = get('WECHATPAY_APIV3_KEY') ?? ''
  if (apiV3Key && Buffer.byteLength(apiV3Key) !== 32) problems.push('WECHATPAY_APIV3_KEY must be exactly 32 bytes')
  const publicKeyId = get('WECHATPAY_PUBLIC_KEY_ID') ?? ''
  if (publicKeyId && !publicKeyId.startsWith('PUB_KEY_ID_')) problems.push('WECHATPAY_PUBLIC_KEY_ID must start with PUB_KEY_ID_')

  const privateKeyPem = readPem('WECHATPAY_PRIVATE_KEY_FILE', get, problems, (pem) => createPrivateKey(pem))
  const publicKeyPem = readPem('WECHATPAY_PUBLIC_KEY_FILE', get, problems, (pem) => createPublicKey(pem))
  return { mchId, serialNo, privateKeyPem, apiV3Key, publicKeyPem, publicKeyId, apiBase }
}

function readPem(
  name: string,
  get: (name: string) => string | undefined,
  problems: string[],
  check: (pem: string) => unknown
): string {
  const file = get(name)
  if (file === undefined) return ''
  let pem: string
  try {
    pem = readFileSync(file, 'utf8')
  } catch (e) {
    problems.push(`${name}: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'})`)
    return ''
  }
  try {
    check(pem)
  } catch {
    problems.push(`${name}: ${file} is not a PEM key of the expected kind`)
  }
  return pem
}
