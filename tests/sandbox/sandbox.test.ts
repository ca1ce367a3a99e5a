import { sandboxOptionsFromKeys } from '../../src/sandbox/keys'
import { createSandbox } from '../../src/sandbox/sandbox'
import { startSandbox, testKeys } from './helpers/harness'

describe('createSandbox', () => {
  it.each([
    ['an APIv3 key that is not 32 bytes', { apiV3Key: 'short' }, /apiV3Key must be 32 bytes/],
    ['a key id without PUB_KEY_ID_', { wechatpayPublicKeyId: 'ABC' }, /PUB_KEY_ID_/],
    ['an unreadable merchant key', { merchantPublicKeyPem: 'not a pem' }, /merchantPublicKeyPem/],
    ['a missing appid', { appid: '' }, /appid is required/],
    ['a zero time factor', { timeFactor: 0 }, /timeFactor/]
  ])('fails at construction on %s', (_name, change, message) => {
    expect(() => createSandbox({ ...sandboxOptionsFromKeys(testKeys()), ...change })).toThrow(message)
  })

  it('listens on 127.0.0.1 by default, answers unknown paths with 404, and closes twice without error', async () => {
    const { sandbox, url } = await startSandbox()
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(sandbox.url).toBe(url)
    const info = (await (await fetch(url + '/')).json()) as { appid: string }
    expect(info.appid).toBe(testKeys().appid)
    expect((await fetch(url + '/nothing-here')).status).toBe(404)
    await sandbox.close()
    await sandbox.close()
    await expect(fetch(url + '/')).rejects.toThrow()
  })

  it('lists the mini-program APIs and the /sandbox/mp control calls at GET /', async () => {
    const { sandbox, url } = await startSandbox()
    try {
      const { endpoints } = (await (await fetch(url + '/')).json()) as { endpoints: string[] }
      for (const path of ['/cgi-bin/stable_token', '/wxa/sec/order/upload_shipping_info', '/cgi-bin/message/subscribe/send', '/sandbox/mp/fail', '/sandbox/mp/subscriptions', '/sandbox/confirm-receipt']) {
        expect(endpoints.some((e) => e.includes(path))).toBe(true)
      }
    } finally {
      await sandbox.close()
    }
  })

  it('refuses a body over 1 MB', async () => {
    const { sandbox, url } = await startSandbox()
    try {
      const res = await fetch(url + '/sandbox/login-code', { method: 'POST', body: 'x'.repeat(1024 * 1024 + 1) }).catch((e: Error) => e)
      // Either the 413 arrives or the socket is cut while the body is still being sent.
      if (!('status' in res)) expect(res.message).toMatch(/fetch failed|socket|reset/i)
      else expect(res.status).toBe(413)
    } finally {
      await sandbox.close()
    }
  })
})
