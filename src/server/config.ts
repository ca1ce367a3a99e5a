/**
 * The backend's whole configuration, read once from the environment
 * (README.md "Backend configuration (environment)"), through one zod schema. A missing
 * or malformed value throws ConfigError naming every bad variable and what is
 * wrong with it, so the operator fixes them all in one go. Secret values
 * never appear in the messages.
 *
 * Beyond the variables every deployment shares: MEDIA_DIR (where uploads are stored,
 * default data/media).
 */
import { readFileSync } from 'node:fs'
import { createPrivateKey, createPublicKey } from 'node:crypto'
import { resolve } from 'node:path'
import { z } from 'zod'
import { parseTrustProxy, REPO_ROOT, type HostingConfig, type TrustProxy } from './config-hosting'
import type { LogRotate, OpsConfig } from './config-ops'

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

// Each variable's issue message follows its name ("PORT must be …"); values are
// quoted only where they are not secret.
type Ctx = z.core.$RefinementCtx<unknown>
const fail = (ctx: Ctx, message: string) => {
  ctx.addIssue({ code: 'custom', message })
  return z.NEVER
}
/** Unset and blank are the same; values are trimmed. */
const blank = (v: unknown) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim()) : v)
const text = z.preprocess(blank, z.string().optional())
const required = z.preprocess(blank, z.string({ error: 'is required' }))
/** A value that must match a pattern when set. */
const matching = (pattern: RegExp, message: string) => z.preprocess(blank, z.string().regex(pattern, message).optional())

const int = (fallback: number, min: number, max: number) =>
  text.transform((v, ctx) => {
    if (v === undefined) return fallback
    const n = Number(v)
    return /^\d+$/.test(v) && n >= min && n <= max ? n : fail(ctx, `must be an integer from ${min} to ${max}, got "${v}"`)
  })

const httpUrl = text.transform((v, ctx) => {
  if (v === undefined) return undefined
  try {
    const u = new URL(v)
    if (u.protocol === 'http:' || u.protocol === 'https:') return v.replace(/\/+$/, '')
  } catch {
    // reported below
  }
  return fail(ctx, `must be an http(s) URL, got "${v}"`)
})

/** A PEM key file: read and parsed here, so a bad path or a wrong kind of key stops the start. */
const pemFile = (check: (pem: string) => unknown) =>
  text.transform((file, ctx) => {
    if (file === undefined) return undefined
    let pem: string
    try {
      pem = readFileSync(file, 'utf8')
    } catch (e) {
      return fail(ctx, `: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'})`)
    }
    try {
      check(pem)
    } catch {
      return fail(ctx, `: ${file} is not a PEM key of the expected kind`)
    }
    return pem
  })

const templatesSchema = z
  .object(Object.fromEntries(SUBSCRIBE_TEMPLATE_KEYS.map((k) => [k, z.string().regex(/^[\w-]{1,128}$/).optional()])))
  .strict()

const templates = text.transform((raw, ctx): SubscribeTemplates => {
  if (raw === undefined) return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    return fail(ctx, 'must be JSON like {"shipped":"TEMPLATE_ID"}')
  }
  const checked = templatesSchema.safeParse(parsed)
  if (checked.success) return checked.data as SubscribeTemplates
  const where = checked.error.issues.map((i) => i.path.join('.') || (i.code === 'unrecognized_keys' ? i.keys.join(', ') : 'value'))
  return fail(ctx, `must map ${SUBSCRIBE_TEMPLATE_KEYS.join('/')} to template ids (letters, digits, _ or -); check ${where.join(', ')}`)
})

const trustProxy = text.transform((v, ctx): TrustProxy => {
  const t = parseTrustProxy(v)
  return typeof t === 'object' && !Array.isArray(t) ? fail(ctx, t.error.replace(/^TRUST_PROXY /, '')) : t
})

/** `daily`, or a size such as 50m / 1g (at least 1k). */
const logRotate = text.transform((v, ctx): LogRotate => {
  const raw = (v ?? 'daily').toLowerCase()
  if (raw === 'daily') return { kind: 'daily' }
  const size = /^(\d+)([kmg])$/.exec(raw)
  if (!size) return fail(ctx, `must be "daily" or a size like 50m or 1g, got "${raw}"`)
  const bytes = Number(size[1]) * { k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[size[2] as 'k' | 'm' | 'g']
  return bytes >= 1024 ? { kind: 'size', bytes } : fail(ctx, 'must be at least 1k')
})

/** The environment the backend reads, in the order problems are reported. */
const varsSchema = z
  .object({
    /** Which variables were given (not blank), whether or not their values are good. */
    given: z.array(z.string()),
    PORT: int(3000, 0, 65535),
    HOST: text.default('127.0.0.1'),
    DATABASE_URL: text
      .default('sqlite:data/shop.db')
      .refine((v) => /^(sqlite:.+|postgres(ql)?:\/\/.+)$/.test(v), 'must be sqlite:PATH, sqlite::memory: or postgres://…'),
    PUBLIC_BASE_URL: httpUrl,
    WECHAT_APPID: required,
    WECHAT_SECRET: required,
    WECHAT_API_BASE: httpUrl,
    ADMIN_EMAIL: matching(/^[^@\s]+@[^@\s]+$/, 'must be an e-mail address'),
    // Not trimmed: spaces may be part of a password.
    ADMIN_PASSWORD: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(8, 'must be at least 8 characters').optional()),
    WECHATPAY_MCHID: matching(/^\d{6,32}$/, 'must be digits'),
    WECHATPAY_SERIAL_NO: matching(/^[0-9A-Fa-f]{8,64}$/, 'must be a hex certificate serial'),
    WECHATPAY_APIV3_KEY: text.refine((v) => v === undefined || Buffer.byteLength(v) === 32, 'must be exactly 32 bytes'),
    WECHATPAY_PUBLIC_KEY_ID: matching(/^PUB_KEY_ID_/, 'must start with PUB_KEY_ID_'),
    WECHATPAY_PRIVATE_KEY_FILE: pemFile((pem) => createPrivateKey(pem)),
    WECHATPAY_PUBLIC_KEY_FILE: pemFile((pem) => createPublicKey(pem)),
    WECHATPAY_API_BASE: httpUrl,
    ORDER_PAY_TIMEOUT_MINUTES: int(15, 1, 24 * 60),
    MEDIA_DIR: text.default('data/media'),
    // WeChat's admin page accepts 3–32 letters and digits as the Token.
    WECHAT_MESSAGE_TOKEN: matching(/^[A-Za-z0-9]{3,32}$/, 'must be 3–32 letters or digits (as set in 开发设置 → 消息推送)'),
    // EncodingAESKey: 43 characters of base64 without the trailing "=".
    WECHAT_MESSAGE_AES_KEY: matching(/^[A-Za-z0-9+/]{43}$/, 'must be the 43-character EncodingAESKey'),
    WECHAT_SUBSCRIBE_TEMPLATES: templates,
    WECHAT_ENV_VERSION: z.preprocess(
      blank,
      z.enum(WECHAT_ENV_VERSIONS, { error: (i) => `must be one of ${WECHAT_ENV_VERSIONS.join(', ')}, got "${String(i.input)}"` }).default('release')
    ),
    ORDER_AUTO_COMPLETE_DAYS: int(10, 1, 90),
    AFTER_SALE_DAYS: int(7, 0, 365),
    TRUST_PROXY: trustProxy,
    STATIC_DIR: text,
    METRICS_TOKEN: text.refine((v) => v === undefined || v.length >= 16, 'must be at least 16 characters'),
    READY_OUTBOX_MAX_AGE_SECONDS: int(900, 1, 7 * 24 * 3600),
    EVENT_RETENTION_DAYS: int(400, 1, 100 * 365),
    LOG_FILE: text,
    LOG_ROTATE: logRotate,
    LOG_KEEP: int(14, 1, 1000)
  })
  // Pairs and sets: checked even when a single value failed, so every problem is named at once.
  .superRefine(
    (e, ctx) => {
      const set = (name: string) => e.given.includes(name)
      const need = (name: string, why: string) => ctx.addIssue({ code: 'custom', path: [name], message: `is required ${why}` })
      if (set('ADMIN_EMAIL') && !set('ADMIN_PASSWORD')) need('ADMIN_PASSWORD', 'when ADMIN_EMAIL is set')
      if (set('ADMIN_PASSWORD') && !set('ADMIN_EMAIL')) need('ADMIN_EMAIL', 'when ADMIN_PASSWORD is set')
      if (PAY_VARS.some(set)) for (const n of PAY_VARS) if (!set(n)) need(n, 'when any WECHATPAY_* variable is set')
      if (set('WECHAT_MESSAGE_AES_KEY') && !set('WECHAT_MESSAGE_TOKEN')) need('WECHAT_MESSAGE_TOKEN', 'when WECHAT_MESSAGE_AES_KEY is set')
    },
    { when: () => true }
  )

const envSchema = z.preprocess((env) => {
  const vars = (env ?? {}) as Env
  return { ...vars, given: Object.keys(vars).filter((k) => blank(vars[k]) !== undefined) }
}, varsSchema)

export function loadConfig(env: Env): Config {
  // Only the variables of the schema are read (the rest of the environment is not ours).
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => {
      const name = String(i.path[0] ?? 'environment')
      return i.message.startsWith(':') ? `${name}${i.message}` : `${name} ${i.message}`
    })
    throw new ConfigError([...new Set(problems)])
  }
  const e = parsed.data
  const pay = [e.WECHATPAY_MCHID, e.WECHATPAY_SERIAL_NO, e.WECHATPAY_PRIVATE_KEY_FILE, e.WECHATPAY_APIV3_KEY, e.WECHATPAY_PUBLIC_KEY_FILE, e.WECHATPAY_PUBLIC_KEY_ID] as const
  const [mchId, serialNo, privateKeyPem, apiV3Key, publicKeyPem, publicKeyId] = pay
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    publicBaseUrl: e.PUBLIC_BASE_URL ?? `http://${e.HOST}:${e.PORT}`,
    wechat: { appId: e.WECHAT_APPID, secret: e.WECHAT_SECRET, apiBase: e.WECHAT_API_BASE ?? 'https://api.weixin.qq.com' },
    wechatPay:
      mchId && serialNo && privateKeyPem && apiV3Key && publicKeyPem && publicKeyId
        ? { mchId, serialNo, privateKeyPem, apiV3Key, publicKeyPem, publicKeyId, apiBase: e.WECHATPAY_API_BASE ?? 'https://api.mch.weixin.qq.com' }
        : null,
    admin: e.ADMIN_EMAIL && e.ADMIN_PASSWORD ? { email: e.ADMIN_EMAIL.toLowerCase(), password: e.ADMIN_PASSWORD } : null,
    orderPayTimeoutMinutes: e.ORDER_PAY_TIMEOUT_MINUTES,
    mediaDir: e.MEDIA_DIR,
    wechatMessage: { token: e.WECHAT_MESSAGE_TOKEN ?? null, aesKey: e.WECHAT_MESSAGE_AES_KEY ?? null },
    subscribeTemplates: e.WECHAT_SUBSCRIBE_TEMPLATES,
    wechatEnvVersion: e.WECHAT_ENV_VERSION,
    orderAutoCompleteDays: e.ORDER_AUTO_COMPLETE_DAYS,
    afterSaleDays: e.AFTER_SALE_DAYS,
    hosting: { trustProxy: e.TRUST_PROXY, staticDir: resolve(e.STATIC_DIR ?? REPO_ROOT) },
    ops: {
      metricsToken: e.METRICS_TOKEN ?? null,
      readyOutboxMaxAgeSeconds: e.READY_OUTBOX_MAX_AGE_SECONDS,
      eventRetentionDays: e.EVENT_RETENTION_DAYS,
      log: { file: e.LOG_FILE ?? null, rotate: e.LOG_ROTATE, keep: e.LOG_KEEP }
    }
  }
}
