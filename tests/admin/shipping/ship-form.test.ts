import { checkShip, coversAll, shipIssueText, toShipRequest, unshippedItems } from '../../../src/admin/shipping/ship-form'

const items = [
  { skuId: 'sku_a', title: '衬衫', attrs: {}, priceFen: 100, qty: 2 },
  { skuId: 'sku_b', title: '帽子', attrs: {}, priceFen: 100, qty: 1 }
]
const shipment = (its: Array<{ skuId: string; qty: number }>) => ({ id: 's1', logisticsType: 'express' as const, items: its, shippedAt: '2026-03-02T03:00:00.000Z' })

const carriers = [
  { code: 'SF', name: '顺丰速运' },
  { code: 'YTO', name: '圆通速递' }
]
const paid = { status: 'paid' as const, items }

test('what is left to ship after earlier parcels, with the order lines’ titles', () => {
  expect(unshippedItems(items).map((i) => [i.title, i.qty])).toEqual([['衬衫', 2], ['帽子', 1]])
  expect(unshippedItems(items, [shipment([{ skuId: 'sku_a', qty: 1 }])]).map((i) => [i.title, i.qty])).toEqual([['衬衫', 1], ['帽子', 1]])
  expect(unshippedItems(items, [shipment([{ skuId: 'sku_a', qty: 2 }, { skuId: 'sku_b', qty: 1 }])])).toEqual([])
})

test('one express parcel with everything sends no item list; other kinds send no parcels', () => {
  expect(toShipRequest({ logisticsType: 'express', parcels: [{ carrierCode: 'SF', trackingNo: ' SF1 ', qty: { sku_a: 2, sku_b: 1 } }], allDelivered: true })).toEqual({
    logisticsType: 'express',
    parcels: [{ carrierCode: 'SF', trackingNo: 'SF1' }],
    allDelivered: true
  })
  expect(toShipRequest({ logisticsType: 'pickup', parcels: [{}], allDelivered: true })).toEqual({ logisticsType: 'pickup', allDelivered: true })
})

test('a split delivery names each parcel’s items, and is checked against what is left', () => {
  const v = {
    logisticsType: 'express' as const,
    parcels: [
      { carrierCode: 'SF', trackingNo: 'SF1', qty: { sku_a: 2, sku_b: 0 } },
      { carrierCode: 'YTO', trackingNo: 'YT1', qty: { sku_b: 1 } }
    ],
    allDelivered: true
  }
  expect(toShipRequest(v).parcels).toEqual([
    { carrierCode: 'SF', trackingNo: 'SF1', items: [{ skuId: 'sku_a', qty: 2 }] },
    { carrierCode: 'YTO', trackingNo: 'YT1', items: [{ skuId: 'sku_b', qty: 1 }] }
  ])
  expect(coversAll(v.parcels, items)).toBe(true)
  expect(checkShip(paid, v, carriers)).toEqual([])

  const p = (qty: Record<string, number>) => ({ carrierCode: 'SF', trackingNo: 'SF1', qty })
  const empty = { ...v, parcels: [p({ sku_a: 2, sku_b: 1 }), p({})] }
  expect(checkShip(paid, empty, carriers)).toEqual([{ path: 'parcels.1.items', message: '这个包裹还没选商品，或选了订单里没有的商品' }])
  const tooMany = { ...v, parcels: [p({ sku_a: 2, sku_b: 1 }), p({ sku_a: 1 })] }
  expect(coversAll(tooMany.parcels, items)).toBe(false)
  expect(checkShip(paid, tooMany, carriers)).toEqual([{ path: 'parcels', message: '包裹里的商品超过了还没发的数量' }])
})

test('core’s ship rules run before sending, each problem said in Chinese on its field', () => {
  const one = (parcel: { carrierCode?: string; trackingNo?: string }) => ({ logisticsType: 'express' as const, parcels: [parcel], allDelivered: true })
  expect(checkShip(paid, one({ carrierCode: 'DHL', trackingNo: 'SF 1' }), carriers)).toEqual([
    { path: 'parcels.0.carrierCode', message: '请从微信的快递公司列表里选择快递公司' },
    { path: 'parcels.0.trackingNo', message: '运单号只能是字母、数字和 -，最多 128 位' }
  ])
  // Everything in one parcel while 全部发完 is off: the order is all delivered, so the switch must be on.
  const allButOff = { logisticsType: 'express' as const, parcels: [{ carrierCode: 'SF', trackingNo: 'SF1', qty: { sku_a: 2, sku_b: 1 } }], allDelivered: false }
  expect(checkShip(paid, allButOff, carriers)).toEqual([{ path: 'allDelivered', message: '所有待发商品都在这次的包裹里，「全部发完」要打开' }])
  expect(checkShip({ ...paid, status: 'shipped' }, one({ carrierCode: 'SF', trackingNo: 'SF1' }), carriers)).toEqual([
    { path: '', message: '订单当前的状态不能发货（可能已发货、已退款或已关闭）' }
  ])
  expect(shipIssueText({ path: 'parcels.0.trackingNo', message: '顺丰运单号应以 SF 开头' })).toBe('顺丰运单号应以 SF 开头')
})
