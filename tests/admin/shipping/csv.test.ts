import { parseCsv } from '../../../src/admin/shipping/csv'

const rows = (text: string) => {
  const r = parseCsv(text)
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

test('reads rows and fields, with or without the BOM Excel writes, LF or CRLF', () => {
  expect(rows('订单号,快递公司编码,运单号\nT1,SF,SF123\n')).toEqual([['订单号', '快递公司编码', '运单号'], ['T1', 'SF', 'SF123']])
  expect(rows('\uFEFF订单号,快递公司编码,运单号\r\nT1,SF,SF123\r\nT2,YTO,YT9')).toEqual([
    ['订单号', '快递公司编码', '运单号'],
    ['T1', 'SF', 'SF123'],
    ['T2', 'YTO', 'YT9']
  ])
})

test('quoted fields keep commas, doubled quotes and line breaks; empty fields stay empty', () => {
  expect(rows('a,"b,c","say ""hi""",\n"line\nbreak",,x')).toEqual([
    ['a', 'b,c', 'say "hi"', ''],
    ['line\nbreak', '', 'x']
  ])
})

test('blank lines are skipped (Excel often leaves some at the end)', () => {
  expect(rows('a,b\n\n\r\nc,d\n\n')).toEqual([['a', 'b'], ['c', 'd']])
  expect(rows('')).toEqual([])
})

test('an unclosed quote is an error naming the row it opened on', () => {
  const r = parseCsv('a,b\nT1,"SF,123\nT2,YTO,1')
  expect(r).toEqual({ ok: false, error: { code: 'UNCLOSED_QUOTE', message: '第 2 行有一个引号没有配对，请检查文件' } })
})
