// The environment of README.md "Backend configuration (environment)": defaults, and every missing or malformed
// value named in one error (without echoing secrets).
import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConfigError, loadConfig } from '../../src/server/config'

const base = { WECHAT_APPID: 'wx123', WECHAT_SECRET: 'shhh-secret' }

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env)
  } catch (e) {
    if (e instanceof ConfigError) return e.problems
    throw e
  }
  throw new Error('expected a ConfigError')
}

test('defaults from the contract', () => {
  const c = loadConfig(base)
  expect(c).toEqual(
    expect.objectContaining({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: 'sqlite:data/shop.db',
      publicBaseUrl: 'http://127.0.0.1:3000',
      wechat: { appId: 'wx123', secret: 'shhh-secret', apiBase: 'https://api.weixin.qq.com' },
      wechatPay: null,
      admin: null,
      orderPayTimeoutMinutes: 15,
      mediaDir: 'data/media'
    })
  )
  expect(loadConfig({ ...base, HOST: '0.0.0.0', PORT: '8080' }).publicBaseUrl).toBe('http://0.0.0.0:8080')
})

test('missing required values are named', () => {
  expect(problemsOf({})).toEqual(['WECHAT_APPID is required', 'WECHAT_SECRET is required'])
  expect(() => loadConfig({})).toThrow(/WECHAT_APPID is required/)
})

test('malformed values are named, all at once, without secret values', () => {
  const problems = problemsOf({
    ...base,
    PORT: 'eighty',
    DATABASE_URL: 'mysql://x',
    PUBLIC_BASE_URL: 'ftp://shop',
    WECHAT_API_BASE: 'not a url',
    ORDER_PAY_TIMEOUT_MINUTES: '0',
    ADMIN_EMAIL: 'boss@shop.test',
    ADMIN_PASSWORD: 'short'
  })
  expect(problems.map((p) => p.split(' ')[0])).toEqual([
    'PORT',
    'DATABASE_URL',
    'PUBLIC_BASE_URL',
    'WECHAT_API_BASE',
    'ADMIN_PASSWORD',
    'ORDER_PAY_TIMEOUT_MINUTES'
  ])
  expect(problems.join('\n')).not.toContain('short')
})

test('database URLs of both dialects are accepted', () => {
  for (const url of ['sqlite::memory:', 'sqlite:/tmp/x.db', 'postgres://root@127.0.0.1:5432/test']) {
    expect(loadConfig({ ...base, DATABASE_URL: url }).databaseUrl).toBe(url)
  }
})

test('WeChat Pay: all or nothing, each value checked when present', () => {
  expect(problemsOf({ ...base, WECHATPAY_MCHID: '1900000001' })).toEqual([
    'WECHATPAY_SERIAL_NO is required when any WECHATPAY_* variable is set',
    'WECHATPAY_PRIVATE_KEY_FILE is required when any WECHATPAY_* variable is set',
    'WECHATPAY_APIV3_KEY is required when any WECHATPAY_* variable is set',
    'WECHATPAY_PUBLIC_KEY_FILE is required when any WECHATPAY_* variable is set',
    'WECHATPAY_PUBLIC_KEY_ID is required when any WECHATPAY_* variable is set'
  ])

  const dir = mkdtempSync(join(tmpdir(), 'pay-keys-'))
  const pair = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' }
  })
  writeFileSync(join(dir, 'private.pem'), pair.privateKey)
  writeFileSync(join(dir, 'public.pem'), pair.publicKey)
  writeFileSync(join(dir, 'junk.pem'), 'not a key')
  const pay = {
    WECHATPAY_MCHID: '1900000001',
    WECHATPAY_SERIAL_NO: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
    WECHATPAY_PRIVATE_KEY_FILE: join(dir, 'private.pem'),
    WECHATPAY_APIV3_KEY: 'a'.repeat(32),
    WECHATPAY_PUBLIC_KEY_FILE: join(dir, 'public.pem'),
    WECHATPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_0000000001'
  }
  const ok = loadConfig({ ...base, ...pay })
  expect(ok.wechatPay).toEqual(expect.objectContaining({ mchId: '1900000001', apiBase: 'https://api.mch.weixin.qq.com' }))

  const bad = problemsOf({
    ...base,
    ...pay,
    WECHATPAY_APIV3_KEY: 'too-short-key-value',
    WECHATPAY_PUBLIC_KEY_ID: 'KEY_1',
    WECHATPAY_PRIVATE_KEY_FILE: join(dir, 'junk.pem'),
    WECHATPAY_PUBLIC_KEY_FILE: join(dir, 'missing.pem')
  })
  expect(bad.map((p) => p.split(/[ :]/)[0])).toEqual([
    'WECHATPAY_APIV3_KEY',
    'WECHATPAY_PUBLIC_KEY_ID',
    'WECHATPAY_PRIVATE_KEY_FILE',
    'WECHATPAY_PUBLIC_KEY_FILE'
  ])
  expect(bad.join('\n')).not.toContain('too-short-key-value')
})

test('pairs are named even when another value is bad, and a bad value is not also called missing', () => {
  expect(problemsOf({ ...base, PORT: '70000', ADMIN_EMAIL: 'boss@shop.test', WECHAT_MESSAGE_AES_KEY: 'k'.repeat(43) })).toEqual([
    'PORT must be an integer from 0 to 65535, got "70000"',
    'ADMIN_PASSWORD is required when ADMIN_EMAIL is set',
    'WECHAT_MESSAGE_TOKEN is required when WECHAT_MESSAGE_AES_KEY is set'
  ])
  const problems = problemsOf({ ...base, WECHATPAY_MCHID: 'abc', WECHAT_ENV_VERSION: 'beta', TRUST_PROXY: 'true' })
  expect(problems[0]).toBe('WECHATPAY_MCHID must be digits')
  expect(problems).toContain('WECHAT_ENV_VERSION must be one of release, trial, develop, got "beta"')
  expect(problems).toContainEqual(expect.stringMatching(/^TRUST_PROXY must be a hop count/))
  expect(problems.filter((p) => p.startsWith('WECHATPAY_MCHID'))).toHaveLength(1)
  expect(problems).toContain('WECHATPAY_SERIAL_NO is required when any WECHATPAY_* variable is set')
})

test('blank values are unset; other variables of the environment are ignored', () => {
  const c = loadConfig({ ...base, PORT: '  ', MEDIA_DIR: ' /srv/media ', PATH: '/usr/bin', ADMIN_EMAIL: '' })
  expect([c.port, c.mediaDir, c.admin]).toEqual([3000, '/srv/media', null])
})
