import { findCarrier, readBatchFile, rowsToSend, MAX_BATCH_ROWS } from '../../../src/admin/shipping/batch-rows'

const CARRIERS = [
  { code: 'SF', name: '顺丰速运' },
  { code: 'ZTO', name: '中通快递' },
  { code: 'ZTOKY', name: '中通快运' },
  { code: 'YTO', name: '圆通速递' }
]

const read = (text: string) => {
  const r = readBatchFile(text, CARRIERS)
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

test('a carrier is found by code (any case), by its full Chinese name, or by a part that names one carrier', () => {
  expect(findCarrier('sf', CARRIERS)).toEqual({ ok: true, value: { code: 'SF', name: '顺丰速运' } })
  expect(findCarrier(' 圆通速递 ', CARRIERS)).toEqual({ ok: true, value: { code: 'YTO', name: '圆通速递' } })
  expect(findCarrier('顺丰', CARRIERS)).toEqual({ ok: true, value: { code: 'SF', name: '顺丰速运' } })
  const ambiguous = findCarrier('中通', CARRIERS)
  expect(ambiguous.ok || ambiguous.error.message).toBe('「中通」对应多家快递公司（中通快递、中通快运），请写完整名称或编码')
  const unknown = findCarrier('天天快递', CARRIERS)
  expect(unknown.ok || unknown.error.code).toBe('UNKNOWN_CARRIER')
})

test('rows by header name, with each row checked; only good rows are sent', () => {
  const lines = read(
    ['\uFEFF订单号,快递公司编码,运单号', 'T1,SF,SF100', 'T2,顺丰速运,SF200', 'T3,天天快递,TT1', ',SF,SF300', 'T4,YTO,', 'T1,YTO,YT1', 'T5,,X'].join('\r\n')
  )
  expect(lines.map((l) => [l.row, l.problem])).toEqual([
    [2, null],
    [3, null],
    [4, '快递公司「天天快递」不在微信的快递公司列表里，请写编码（如 SF）或完整名称'],
    [5, '缺少订单号'],
    [6, '缺少运单号'],
    [7, '订单号与第 2 行重复：一个订单只写一行（分包裹发货请在订单详情里操作）'],
    [8, '缺少快递公司']
  ])
  expect(rowsToSend(lines)).toEqual([
    { orderId: 'T1', carrierCode: 'SF', trackingNo: 'SF100' },
    { orderId: 'T2', carrierCode: 'SF', trackingNo: 'SF200' }
  ])
})

test('columns may come in another order and under common alternative names', () => {
  expect(rowsToSend(read('运单号,快递公司,订单号\nYT9,圆通速递,T7'))).toEqual([{ orderId: 'T7', carrierCode: 'YTO', trackingNo: 'YT9' }])
})

test('a file that cannot be read says what to fix', () => {
  const message = (text: string) => {
    const r = readBatchFile(text, CARRIERS)
    return r.ok ? 'ok' : r.error.message
  }
  expect(message('订单号,运单号\nT1,SF1')).toBe('表头缺少「快递公司编码」列。第一行应是表头：订单号,快递公司编码,运单号')
  expect(message('订单号,快递公司编码,运单号\n')).toBe('文件里只有表头，没有要发货的订单')
  expect(message('')).toBe('文件是空的。第一行应是表头：订单号,快递公司编码,运单号')
  expect(message('\uFFFD\uFFFD,\uFFFD\nT1,SF,1')).toMatch(/^文件不是 UTF-8 编码/)
  const tooMany = ['订单号,快递公司编码,运单号', ...Array.from({ length: MAX_BATCH_ROWS + 1 }, (_, i) => `T${i},SF,${i}`)].join('\n')
  expect(message(tooMany)).toBe(`一次最多 ${MAX_BATCH_ROWS} 行，这个文件有 ${MAX_BATCH_ROWS + 1} 行，请分成几个文件`)
})
