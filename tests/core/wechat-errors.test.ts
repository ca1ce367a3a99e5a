import { classifyErrcode, problemFor, retryDelayMs, type WechatApiName } from '@core/wechat-errors'

test('upload_shipping_info: the verdict of every errcode WeChat documents for it', () => {
  const verdicts = (codes: number[], api: WechatApiName = 'upload_shipping_info') => codes.map((c) => classifyErrcode(api, c))
  expect(verdicts([0])).toEqual(['done'])
  expect(verdicts([-1, 10060001, 10060012, 10060019])).toEqual(['retry', 'retry', 'retry', 'retry'])
  expect(verdicts([10060002, 10060003, 10060023, 10060004])).toEqual(['verify', 'verify', 'verify', 'verify'])
  expect(verdicts([40001, 42001, 40014])).toEqual(['retry', 'retry', 'retry'])
  expect(verdicts([10060005, 10060014, 10060024, 10060031, 268485216, 47001, 48001, 99999])).toEqual(Array(8).fill('failed'))
  expect(verdicts([43101], 'subscribe_message')).toEqual(['done'])
  expect(verdicts([43101])).toEqual(['failed'])
  expect(verdicts([10060030, 10060028], 'notify_confirm_receive')).toEqual(['done', 'done'])
  expect(verdicts([10060002], 'set_msg_jump_path')).toEqual(['failed'])
})

test('problems are Chinese, with something to do', () => {
  for (const code of [-1, 10060001, 10060014, 48001, 12345, null]) {
    const p = problemFor('upload_shipping_info', code)
    expect(p.message).toMatch(/\p{Script=Han}/u)
    expect(p.action).toMatch(/\p{Script=Han}/u)
  }
  expect(problemFor('upload_shipping_info', 12345).message).toContain('12345')
  expect(problemFor('upload_shipping_info', 10060001).action).toContain('发货信息管理')
})

test('backoff: first retry after 15 s, doubling, capped at an hour', () => {
  expect([1, 2, 3, 4, 5].map(retryDelayMs)).toEqual([15_000, 30_000, 60_000, 120_000, 240_000])
  expect(retryDelayMs(50)).toBe(3_600_000)
  expect(retryDelayMs(0)).toBe(15_000)
})
