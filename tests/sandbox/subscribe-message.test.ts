import { postJson } from './helpers/harness'
import { startMp, type MpHarness } from './helpers/mp'

let h: MpHarness
let templates: { id: string; kind: string; keys: Record<string, string> }[]
beforeAll(async () => {
  h = await startMp()
  templates = (await (await fetch(`${h.url}/sandbox/mp/templates`)).json()).items
})
afterAll(() => h.close())

const send = (body: Record<string, unknown>) => h.call('/cgi-bin/message/subscribe/send', body)
const tpl = (kind: string) => templates.find((t) => t.kind === kind) as { id: string; keys: Record<string, string> }
const grant = (openid: string, templateId: string, count = 1) => postJson(`${h.url}/sandbox/mp/subscriptions`, { openid, templateId, count })

const shippedData = {
  character_string1: 'T2026113000001',
  thing2: '经典帆布包 等2件',
  thing3: '顺丰速运',
  character_string4: 'SF1400000000001',
  time5: '2026年11月30日 21:30'
}
const shipped = (openid: string, data: Record<string, { value: string }> = wrap(shippedData)) => ({
  touser: openid, template_id: tpl('shipped').id, page: 'pages/order/detail?id=1', miniprogram_state: 'trial', lang: 'zh_CN', data
})
function wrap(values: Record<string, string>): Record<string, { value: string }> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v }]))
}

describe('POST /cgi-bin/message/subscribe/send', () => {
  it('lists the templates with their keys and the backend env value', async () => {
    const r = await (await fetch(`${h.url}/sandbox/mp/templates`)).json()
    expect(templates.map((t) => t.kind).sort()).toEqual(['afterSale', 'launch', 'refund', 'shipped'])
    expect(JSON.parse(r.WECHAT_SUBSCRIBE_TEMPLATES)).toEqual(Object.fromEntries(templates.map((t) => [t.kind, t.id])))
    expect(Object.keys(tpl('shipped').keys)).toEqual(Object.keys(shippedData))
  })

  it('sends one message per acceptance, then answers 43101', async () => {
    const openid = h.sandbox.loginCode().openid
    expect((await send(shipped(openid))).errcode).toBe(43101)
    const granted = await grant(openid, tpl('shipped').id, 2)
    expect(granted.json).toEqual({ openid, templateId: tpl('shipped').id, left: 2 })
    const first = await send(shipped(openid))
    expect(first).toMatchObject({ errcode: 0, errmsg: 'ok', msgid: expect.any(Number) })
    expect((await send(shipped(openid))).errcode).toBe(0)
    expect((await send(shipped(openid))).errcode).toBe(43101)
    // An acceptance of one template does not pay for another.
    await grant(openid, tpl('refund').id)
    expect((await send(shipped(openid))).errcode).toBe(43101)
    const messages = (await (await fetch(`${h.url}/sandbox/mp/messages?touser=${openid}`)).json()).items
    expect(messages).toHaveLength(2)
    expect(messages[0]).toMatchObject({ touser: openid, templateId: tpl('shipped').id, page: 'pages/order/detail?id=1', miniprogramState: 'trial', data: wrap(shippedData) })
  })

  it('answers 40037 for an unknown template and 40003 for an openid WeChat never issued', async () => {
    const openid = h.sandbox.loginCode().openid
    expect((await send({ ...shipped(openid), template_id: 'NoSuchTemplate' })).errcode).toBe(40037)
    expect((await send(shipped('oUnknownOpenid000000000000000'))).errcode).toBe(40003)
  })

  describe('checks every value by its key type (47003), before spending an acceptance', () => {
    let openid: string
    beforeAll(async () => {
      openid = h.sandbox.loginCode().openid
      await grant(openid, tpl('shipped').id, 1)
      await grant(openid, tpl('refund').id, 1)
      await grant(openid, tpl('afterSale').id, 1)
    })
    it.each<[string, Record<string, string>]>([
      ['thing of 21 characters', { thing2: '一二三四五六七八九十一二三四五六七八九十一' }],
      ['an empty thing', { thing3: '' }],
      ['character_string with Chinese', { character_string1: '订单T1' }],
      ['character_string of 33 characters', { character_string4: 'S'.repeat(33) }],
      ['character_string with a space', { character_string4: 'SF 123' }],
      ['time in words', { time5: '今天晚上' }],
      ['a time with words after the date', { time5: '2026年11月30日 下午' }]
    ])('refuses %s', async (_name, change) => {
      const r = await send(shipped(openid, wrap({ ...shippedData, ...change })))
      expect(r.errcode).toBe(47003)
      expect(r.errmsg).toMatch(/data\.\w+/)
    })

    it('refuses a missing key and a value that is not {value}', async () => {
      const { thing2: _gone, ...rest } = shippedData
      expect((await send(shipped(openid, wrap(rest)))).errcode).toBe(47003)
      expect((await send(shipped(openid, { ...wrap(shippedData), thing2: '帆布包' as unknown as { value: string } }))).errcode).toBe(47003)
      expect((await send({ ...shipped(openid), miniprogram_state: 'production' })).errcode).toBe(47003)
    })

    const refund = (values: Record<string, string>) => ({
      touser: openid, template_id: tpl('refund').id,
      data: wrap({ character_string1: 'T2026113000001', amount2: '12.30元', phrase3: '退款成功', time4: '2026年11月30日 21:30', thing5: '已原路退回', ...values })
    })
    it.each<[string, Record<string, string>]>([
      ['amount in words', { amount2: '十二元' }],
      ['amount with 11 digits', { amount2: '12345678901元' }],
      ['phrase of 6 characters', { phrase3: '退款已经成功' }],
      ['phrase with letters', { phrase3: 'OK了' }]
    ])('refuses %s', async (_name, change) => {
      expect((await send(refund(change))).errcode).toBe(47003)
    })

    it('accepted values of every checked type, and only then took the acceptance', async () => {
      expect((await send(shipped(openid))).errcode).toBe(0)
      expect((await send(refund({ amount2: '¥12.30' }))).errcode).toBe(0)
      const afterSale = wrap({ character_string1: 'T1', phrase2: '仅退款', phrase3: '已同意', time4: '2026-11-30 21:30', thing5: '点击查看售后详情' })
      expect((await send({ touser: openid, template_id: tpl('afterSale').id, data: afterSale })).errcode).toBe(0)
    })
  })

  it('POST /sandbox/mp/subscriptions refuses an unknown template and a bad count', async () => {
    const openid = h.sandbox.loginCode().openid
    expect((await grant(openid, 'NoSuchTemplate')).json.error.code).toBe('BAD_TEMPLATE')
    expect((await grant(openid, tpl('shipped').id, 0)).json.error.code).toBe('BAD_COUNT')
    expect(h.sandbox.mp.grantSubscription(openid, tpl('shipped').id, 3)).toBe(3)
  })
})
