import { chinaTime, CSV_BOM, csvField, csvLine, EXPORT_HEADER, exportLines, yuan, type ExportOrder } from '@core/shipping-export'

test('RFC 4180 quoting: commas, quotes and line breaks are quoted; quotes doubled', () => {
  expect(csvField('plain')).toBe('plain')
  expect(csvField('a,b')).toBe('"a,b"')
  expect(csvField('say "hi"')).toBe('"say ""hi"""')
  expect(csvField('two\nlines')).toBe('"two\nlines"')
  expect(csvField('cr\rlf')).toBe('"cr\rlf"')
  expect(csvField(null)).toBe('')
  expect(csvField(undefined)).toBe('')
  expect(csvField(3)).toBe('3')
  expect(csvLine(['a', 'b,c', ''])).toBe('a,"b,c",\r\n')
})

test('a text field that a spreadsheet would run as a formula is defused', () => {
  expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`)
  expect(csvField('+8613800138000')).toBe("'+8613800138000")
  expect(csvField('@cmd')).toBe("'@cmd")
  expect(csvField('-1')).toBe("'-1")
})

test('money in yuan with two decimals, times in China time', () => {
  expect([0, 1, 10, 99, 100, 1230, 123456, -50].map(yuan)).toEqual(['0.00', '0.01', '0.10', '0.99', '1.00', '12.30', '1234.56', '-0.50'])
  expect(() => yuan(1.5)).toThrow(RangeError)
  expect(chinaTime('2025-06-01T16:30:00.000Z')).toBe('2025-06-02 00:30:00')
  expect(chinaTime(null)).toBe('')
})

test('one line per order line, with the parcels that carried it', () => {
  const order: ExportOrder = {
    id: 'ord_1',
    outTradeNo: 'T2025A',
    status: 'shipped',
    createdAt: '2025-06-01T02:00:00.000Z',
    paidAt: '2025-06-01T02:01:00.000Z',
    shippedAt: '2025-06-02T02:00:00.000Z',
    completedAt: null,
    totalFen: 25980,
    refundedFen: 0,
    items: [
      { skuId: 'sku_a', title: '羊绒围巾, 加厚', attrs: { 颜色: '驼色' }, priceFen: 12990, qty: 2 }
    ],
    address: { name: '张三', phone: '13800138000', province: '上海市', city: '上海市', district: '黄浦区', detail: '南京东路 1 号 "A" 座' },
    transactionId: '4200000001',
    shipments: [
      { logisticsType: 'express', carrierName: '顺丰速运', trackingNo: 'SF1', items: [{ skuId: 'sku_a', qty: 1 }] },
      { logisticsType: 'express', carrierName: '圆通速递', trackingNo: 'YT2', items: [{ skuId: 'sku_a', qty: 1 }] }
    ]
  }
  const [line] = exportLines(order)
  expect(line).toBe(
    'T2025A,4200000001,已发货,2025-06-01 10:00:00,2025-06-01 10:01:00,"羊绒围巾, 加厚",驼色,sku_a,129.90,2,259.80,259.80,0.00,张三,13800138000,' +
      '"上海市 上海市 黄浦区 南京东路 1 号 ""A"" 座",快递,顺丰速运 / 圆通速递,SF1 / YT2,2025-06-02 10:00:00,\r\n'
  )
  expect(line!.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)).toHaveLength(EXPORT_HEADER.length)
  expect(CSV_BOM).toBe('\uFEFF')
})
