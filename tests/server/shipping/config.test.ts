// The fulfilment variables (README.md "Backend configuration (environment)"): defaults, and each malformed value named.
import { ConfigError, loadConfig } from '../../../src/server/config'

const base = { WECHAT_APPID: 'wx123', WECHAT_SECRET: 'shhh-secret' }
const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG'

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env)
  } catch (e) {
    if (e instanceof ConfigError) return e.problems
    throw e
  }
  throw new Error('expected a ConfigError')
}

test('defaults', () => {
  const c = loadConfig(base)
  expect(c.wechatMessage).toEqual({ token: null, aesKey: null })
  expect(c.subscribeTemplates).toEqual({})
  expect(c.wechatEnvVersion).toBe('release')
  expect(c.orderAutoCompleteDays).toBe(10)
  expect(c.afterSaleDays).toBe(7)
})

test('values are read', () => {
  const c = loadConfig({
    ...base,
    WECHAT_MESSAGE_TOKEN: 'pushToken123',
    WECHAT_MESSAGE_AES_KEY: AES_KEY,
    WECHAT_SUBSCRIBE_TEMPLATES: '{"shipped":"tpl-SHIP_1","refund":"tplRefund"}',
    WECHAT_ENV_VERSION: 'trial',
    ORDER_AUTO_COMPLETE_DAYS: '15',
    AFTER_SALE_DAYS: '0'
  })
  expect(c.wechatMessage).toEqual({ token: 'pushToken123', aesKey: AES_KEY })
  expect(c.subscribeTemplates).toEqual({ shipped: 'tpl-SHIP_1', refund: 'tplRefund' })
  expect(c.wechatEnvVersion).toBe('trial')
  expect(c.orderAutoCompleteDays).toBe(15)
  expect(c.afterSaleDays).toBe(0)
})

test('malformed values are named, all at once, without secret values', () => {
  const problems = problemsOf({
    ...base,
    WECHAT_MESSAGE_TOKEN: 'has spaces!',
    WECHAT_MESSAGE_AES_KEY: 'secret-short-key',
    WECHAT_SUBSCRIBE_TEMPLATES: '{"shipped":"ok","bogus":"x"}',
    WECHAT_ENV_VERSION: 'beta',
    ORDER_AUTO_COMPLETE_DAYS: '0',
    AFTER_SALE_DAYS: '-1'
  })
  expect(problems.map((p) => p.split(' ')[0])).toEqual([
    'WECHAT_MESSAGE_TOKEN',
    'WECHAT_MESSAGE_AES_KEY',
    'WECHAT_SUBSCRIBE_TEMPLATES',
    'WECHAT_ENV_VERSION',
    'ORDER_AUTO_COMPLETE_DAYS',
    'AFTER_SALE_DAYS'
  ])
  expect(problems.join('\n')).not.toContain('secret-short-key')
  expect(problems.join('\n')).not.toContain('has spaces')
  expect(problems.find((p) => p.startsWith('WECHAT_SUBSCRIBE'))).toContain('bogus')
})

test('templates: not JSON, wrong value types, and an AES key without a token', () => {
  expect(problemsOf({ ...base, WECHAT_SUBSCRIBE_TEMPLATES: 'shipped=abc' })[0]).toMatch(/must be JSON/)
  expect(problemsOf({ ...base, WECHAT_SUBSCRIBE_TEMPLATES: '{"shipped":42}' })[0]).toMatch(/check shipped/)
  expect(problemsOf({ ...base, WECHAT_SUBSCRIBE_TEMPLATES: '[]' })[0]).toMatch(/WECHAT_SUBSCRIBE_TEMPLATES/)
  expect(problemsOf({ ...base, WECHAT_MESSAGE_AES_KEY: AES_KEY })).toEqual(['WECHAT_MESSAGE_TOKEN is required when WECHAT_MESSAGE_AES_KEY is set'])
})
