import {
  afterSaleMessage,
  amountValue,
  fitTemplateValue,
  keyType,
  refundMessage,
  shippedMessage,
  templateData,
  timeValue,
  TEMPLATE_VALUE_TYPES
} from '@core/subscribe-message'

const len = (s: string) => Array.from(s).length

describe('key types', () => {
  test('the type is the key without its position', () => {
    expect(['thing1', 'character_string12', 'amount3', 'phrase4', 'time5', 'date6', 'phone_number7', 'car_number8'].map(keyType)).toEqual([
      'thing',
      'character_string',
      'amount',
      'phrase',
      'time',
      'date',
      'phone_number',
      'car_number'
    ])
    expect(['thing', 'color1', '1thing', 'Thing1', ''].map(keyType)).toEqual([null, null, null, null, null])
  })
})

describe('fitting values', () => {
  test('thing: at most 20 characters, cut with an ellipsis; emoji count once; line breaks become spaces', () => {
    expect(fitTemplateValue('thing', '亚麻衬衫 米白 M')).toBe('亚麻衬衫 米白 M')
    const long = fitTemplateValue('thing', '手工粗陶茶杯套装（四只装）附赠竹制杯垫与礼盒包装')
    expect(len(long)).toBe(20)
    expect(long.endsWith('…')).toBe(true)
    expect(len(fitTemplateValue('thing', '😀'.repeat(30)))).toBe(20)
    expect(fitTemplateValue('thing', '第一行\n第二行\t ')).toBe('第一行 第二行')
    expect(fitTemplateValue('thing', '   ')).toBe('无')
  })

  test('character_string: ASCII letters, digits and symbols only, at most 32, never an ellipsis', () => {
    expect(fitTemplateValue('character_string', 'T20250601ABC')).toBe('T20250601ABC')
    expect(fitTemplateValue('character_string', '单号 SF-1234 5678')).toBe('SF-12345678')
    const long = fitTemplateValue('character_string', 'X'.repeat(40))
    expect(long).toBe('X'.repeat(32))
    expect(fitTemplateValue('character_string', '顺丰')).toBe('-')
  })

  test('phrase: at most 5 汉字 and nothing else', () => {
    expect(fitTemplateValue('phrase', '退款成功')).toBe('退款成功')
    expect(fitTemplateValue('phrase', '已发货!!')).toBe('已发货')
    expect(fitTemplateValue('phrase', '退款已经成功了')).toBe('退款已经成')
    expect(fitTemplateValue('phrase', 'ok')).toBe('无')
  })

  test('amount, number, letter, symbol, name, phone, car, date and time', () => {
    expect(fitTemplateValue('amount', '12.30元')).toBe('12.30元')
    expect(() => fitTemplateValue('amount', '¥12.30')).toThrow(/amountValue/)
    expect(fitTemplateValue('number', '共 1,234.5 件')).toBe('1234.5')
    expect(fitTemplateValue('number', '无')).toBe('0')
    expect(fitTemplateValue('letter', 'abc123def')).toBe('abcdef')
    expect(fitTemplateValue('symbol', 'a-b+c*d/e%f')).toBe('-+*/%')
    expect(fitTemplateValue('name', '张三丰 Zhang')).toBe('张三丰')
    expect(fitTemplateValue('name', 'Alice Smith')).toBe('Alice Smith')
    expect(fitTemplateValue('phone_number', '+86 138-0013-8000 ext')).toBe('+86138-0013-8000')
    expect(fitTemplateValue('car_number', '沪A 12345 6')).toBe('沪A123456')
    expect(fitTemplateValue('date', '2025年6月1日')).toBe('2025年6月1日')
    expect(fitTemplateValue('time', '2025年6月1日 10:05')).toBe('2025年6月1日 10:05')
    expect(() => fitTemplateValue('time', '2025-06-01 10:05')).toThrow(/timeValue/)
  })

  test('every free-text type answers something non-empty for an empty value (WeChat refuses empty ones)', () => {
    const formatted = ['amount', 'date', 'time']
    for (const type of TEMPLATE_VALUE_TYPES.filter((t) => !formatted.includes(t))) expect(fitTemplateValue(type, '').length).toBeGreaterThan(0)
    for (const type of formatted) expect(() => fitTemplateValue(type as 'amount', '')).toThrow(RangeError)
  })
})

describe('formatters', () => {
  test('amount in yuan with two decimals and 元', () => {
    expect([0, 5, 1230, 880000].map(amountValue)).toEqual(['0.00元', '0.05元', '12.30元', '8800.00元'])
    expect(() => amountValue(-1)).toThrow(RangeError)
    expect(() => amountValue(1.5)).toThrow(RangeError)
  })

  test('times in China time, whatever the offset given', () => {
    expect(timeValue('2025-06-01T02:05:00.000Z')).toBe('2025年6月1日 10:05')
    expect(timeValue('2025-05-31T16:00:00.000Z')).toBe('2025年6月1日 00:00')
    expect(timeValue('2025-12-31T23:30:00+08:00', { withTime: false })).toBe('2025年12月31日')
    expect(timeValue(Date.UTC(2025, 0, 1, 0, 0))).toBe('2025年1月1日 08:00')
    expect(() => timeValue('yesterday')).toThrow(RangeError)
  })

  test('templateData fits each key by its type and refuses unknown keys', () => {
    expect(templateData({ thing1: '', amount2: amountValue(300) })).toEqual({ thing1: { value: '无' }, amount2: { value: '3.00元' } })
    expect(() => templateData({ colour1: 'red' })).toThrow(/colour1/)
  })
})

describe('the shop’s messages', () => {
  test('shipped', () => {
    const data = shippedMessage({
      outTradeNo: 'T202506010001',
      goods: '手工粗陶茶杯套装（四只装，附赠杯垫）等3件商品',
      carrierName: '顺丰速运',
      trackingNo: 'SF1234567890',
      shippedAt: '2025-06-01T02:00:00.000Z'
    })
    expect(data).toEqual({
      character_string1: { value: 'T202506010001' },
      thing2: { value: '手工粗陶茶杯套装（四只装，附赠杯垫）等…' },
      thing3: { value: '顺丰速运' },
      character_string4: { value: 'SF1234567890' },
      time5: { value: '2025年6月1日 10:00' }
    })
    for (const [key, { value }] of Object.entries(data)) if (key.startsWith('thing')) expect(len(value)).toBeLessThanOrEqual(20)
    expect(shippedMessage({ outTradeNo: 'T1', goods: '茶杯', carrierName: '', trackingNo: '', shippedAt: 0 }).thing3).toEqual({ value: '商家配送' })
  })

  test('refund result', () => {
    expect(refundMessage({ outTradeNo: 'T1', amountFen: 3000, succeeded: true, at: '2025-06-01T02:00:00Z', note: '' })).toEqual({
      character_string1: { value: 'T1' },
      amount2: { value: '30.00元' },
      phrase3: { value: '退款成功' },
      time4: { value: '2025年6月1日 10:00' },
      thing5: { value: '退款已原路退回，请留意到账' }
    })
    expect(refundMessage({ outTradeNo: 'T1', amountFen: 1, succeeded: false, at: 0, note: '' }).phrase3).toEqual({ value: '退款失败' })
  })

  test('after-sales result', () => {
    const m = afterSaleMessage({ outTradeNo: 'T1', kind: 'return', status: 'rejected', at: 0, note: '商品已影响二次销售，无法办理退货，如有疑问请联系客服' })
    expect(m.phrase2).toEqual({ value: '退货退款' })
    expect(m.phrase3).toEqual({ value: '已拒绝' })
    expect(len(m.thing5!.value)).toBe(20)
    expect(afterSaleMessage({ outTradeNo: 'T1', kind: 'return', status: 'awaiting_return', at: 0, note: '' }).phrase3).toEqual({ value: '请寄回' })
  })
})
