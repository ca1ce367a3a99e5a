import { remainingItems, validateShipRequest, type ShipContext } from '@core/shipping'
import { deliveryMode, itemDesc, maskPhone, uploadTime } from '@core/shipping-upload'
import type { ShipRequest } from '@core/contract/shipping'
import { ORDER_STATUSES } from '@core/order'

const carriers = new Set(['SF', 'YTO', 'ZTO'])
const ctx = (over: Partial<ShipContext> = {}): ShipContext => ({
  status: 'paid',
  items: [
    { skuId: 'a', qty: 2 },
    { skuId: 'b', qty: 1 }
  ],
  shipped: [],
  carrierCodes: carriers,
  ...over
})
const codeOf = (c: ShipContext, r: ShipRequest) => {
  const res = validateShipRequest(c, r)
  return res.ok ? 'ok' : res.error.code
}
const pathsOf = (c: ShipContext, r: ShipRequest): string[] => {
  const res = validateShipRequest(c, r)
  if (res.ok) return []
  return (res.error.details as Array<{ path: string }>).map((d) => d.path)
}

describe('validateShipRequest', () => {
  test('one express parcel without items ships everything and completes the order', () => {
    const res = validateShipRequest(ctx(), { logisticsType: 'express', parcels: [{ carrierCode: 'YTO', trackingNo: 'YT123' }] })
    expect(res).toEqual({
      ok: true,
      value: { logisticsType: 'express', allDelivered: true, parcels: [{ carrierCode: 'YTO', trackingNo: 'YT123', items: [{ skuId: 'a', qty: 2 }, { skuId: 'b', qty: 1 }] }] }
    })
  })

  test('only paid orders ship', () => {
    const req: ShipRequest = { logisticsType: 'virtual' }
    const codes = Object.fromEntries(ORDER_STATUSES.map((s) => [s, codeOf(ctx({ status: s }), req)]))
    expect(codes).toEqual({
      pending_payment: 'ORDER_NOT_PAID',
      paid: 'ok',
      shipped: 'ORDER_NOT_SHIPPABLE',
      completed: 'ORDER_NOT_SHIPPABLE',
      closed: 'ORDER_NOT_SHIPPABLE',
      refunding: 'ORDER_NOT_SHIPPABLE',
      refunded: 'ORDER_NOT_SHIPPABLE'
    })
  })

  test('the other kinds need no carrier or tracking number, and parcels may be [{}] or left out', () => {
    for (const logisticsType of ['same_city', 'virtual', 'pickup'] as const) {
      expect(validateShipRequest(ctx(), { logisticsType })).toEqual(
        expect.objectContaining({ ok: true, value: expect.objectContaining({ allDelivered: true, parcels: [{ items: ctx().items }] }) })
      )
      expect(codeOf(ctx(), { logisticsType, parcels: [{}] })).toBe('ok')
      expect(codeOf(ctx(), { logisticsType, parcels: [] })).toBe('ok')
    }
  })

  test('express needs a listed carrier and a tracking number per parcel', () => {
    expect(pathsOf(ctx(), { logisticsType: 'express' })).toEqual(['parcels.0.carrierCode', 'parcels.0.trackingNo'])
    expect(pathsOf(ctx(), { logisticsType: 'express', parcels: [{ carrierCode: 'NOPE', trackingNo: '1' }] })).toEqual(['parcels.0.carrierCode'])
    expect(pathsOf(ctx(), { logisticsType: 'express', parcels: [{ carrierCode: 'SF', trackingNo: 'SF 12;3' }] })).toEqual(['parcels.0.trackingNo'])
    expect(pathsOf(ctx(), { logisticsType: 'express', parcels: [{ carrierCode: 'SF', trackingNo: 'x'.repeat(129) }] })).toEqual(['parcels.0.trackingNo'])
    expect(codeOf(ctx(), { logisticsType: 'express', parcels: [{ carrierCode: 'SF', trackingNo: 'x'.repeat(128) }] })).toBe('ok')
  })

  test('an unknown logistics type is refused', () => {
    expect(pathsOf(ctx(), { logisticsType: 'drone' as never })).toEqual(['logisticsType'])
  })

  test('split delivery: express only, items named per parcel, within what was ordered', () => {
    const split: ShipRequest = {
      logisticsType: 'express',
      parcels: [
        { carrierCode: 'SF', trackingNo: 'SF1', items: [{ skuId: 'a', qty: 1 }] },
        { carrierCode: 'ZTO', trackingNo: 'ZT2', items: [{ skuId: 'a', qty: 1 }, { skuId: 'b', qty: 1 }] }
      ]
    }
    const res = validateShipRequest(ctx(), split)
    expect(res.ok && res.value.allDelivered).toBe(true)
    expect(res.ok && res.value.parcels.map((p) => p.items)).toEqual([[{ skuId: 'a', qty: 1 }], [{ skuId: 'a', qty: 1 }, { skuId: 'b', qty: 1 }]])

    expect(pathsOf(ctx(), { logisticsType: 'same_city', parcels: [{ items: [{ skuId: 'a', qty: 1 }] }, { items: [{ skuId: 'b', qty: 1 }] }] })).toEqual(['parcels'])
    expect(pathsOf(ctx(), { logisticsType: 'express', parcels: [{ carrierCode: 'SF', trackingNo: '1' }, { carrierCode: 'SF', trackingNo: '2', items: [{ skuId: 'a', qty: 1 }] }] })).toEqual(['parcels'])
    const tooMuch: ShipRequest = { logisticsType: 'express', parcels: [{ carrierCode: 'SF', trackingNo: '1', items: [{ skuId: 'a', qty: 2 }] }, { carrierCode: 'SF', trackingNo: '2', items: [{ skuId: 'a', qty: 1 }] }] }
    expect(codeOf(ctx(), tooMuch)).toBe('INVALID_SHIPMENT')
    expect(pathsOf(ctx(), { logisticsType: 'express', parcels: [{ carrierCode: 'SF', trackingNo: '1', items: [{ skuId: 'zzz', qty: 1 }] }] })).toEqual(['parcels.0.items.0.skuId'])
    expect(pathsOf(ctx(), { logisticsType: 'express', parcels: [{ carrierCode: 'SF', trackingNo: '1', items: [{ skuId: 'a', qty: 0 }] }] })).toEqual(['parcels.0.items.0.qty'])
    expect(pathsOf(ctx(), { logisticsType: 'express', parcels: [{ carrierCode: 'SF', trackingNo: '1', items: [] }] })).toEqual(['parcels.0.items'])
  })

  test('a partial parcel leaves the order waiting; the next one finishes it; nothing ships twice', () => {
    const first = validateShipRequest(ctx(), { logisticsType: 'express', parcels: [{ carrierCode: 'SF', trackingNo: '1', items: [{ skuId: 'a', qty: 1 }] }] })
    expect(first.ok && first.value.allDelivered).toBe(false)
    const shipped = [{ logisticsType: 'express' as const, items: [{ skuId: 'a', qty: 1 }] }]
    expect(remainingItems(ctx().items, shipped)).toEqual([{ skuId: 'a', qty: 1 }, { skuId: 'b', qty: 1 }])
    const rest = validateShipRequest(ctx({ shipped }), { logisticsType: 'express', parcels: [{ carrierCode: 'YTO', trackingNo: '2' }] })
    expect(rest.ok && rest.value).toEqual({ logisticsType: 'express', allDelivered: true, parcels: [{ carrierCode: 'YTO', trackingNo: '2', items: [{ skuId: 'a', qty: 1 }, { skuId: 'b', qty: 1 }] }] })
    expect(codeOf(ctx({ shipped }), { logisticsType: 'express', parcels: [{ carrierCode: 'SF', trackingNo: '3', items: [{ skuId: 'a', qty: 2 }] }] })).toBe('INVALID_SHIPMENT')
    expect(pathsOf(ctx({ shipped }), { logisticsType: 'pickup' })).toEqual(['logisticsType'])
    const all = [{ logisticsType: 'express' as const, items: ctx().items }]
    expect(codeOf(ctx({ shipped: all }), { logisticsType: 'express', parcels: [{ carrierCode: 'SF', trackingNo: '9' }] })).toBe('ORDER_NOT_SHIPPABLE')
  })

  test('staff may declare a partial shipment all delivered; not the reverse', () => {
    const one = { carrierCode: 'SF', trackingNo: '1', items: [{ skuId: 'a', qty: 1 }] }
    const declared = validateShipRequest(ctx(), { logisticsType: 'express', parcels: [one], allDelivered: true })
    expect(declared.ok && declared.value.allDelivered).toBe(true)
    expect(pathsOf(ctx(), { logisticsType: 'express', parcels: [{ carrierCode: 'SF', trackingNo: '1' }], allDelivered: false })).toEqual(['allDelivered'])
  })

  test('at most 10 parcels over the order’s life', () => {
    const many = ctx({ items: [{ skuId: 'a', qty: 20 }] })
    const parcel = (n: number) => ({ carrierCode: 'SF', trackingNo: `T${n}`, items: [{ skuId: 'a', qty: 1 }] })
    expect(codeOf(many, { logisticsType: 'express', parcels: Array.from({ length: 10 }, (_, i) => parcel(i)) })).toBe('ok')
    expect(pathsOf(many, { logisticsType: 'express', parcels: Array.from({ length: 11 }, (_, i) => parcel(i)) })).toEqual(['parcels'])
    const sent = Array.from({ length: 9 }, () => ({ logisticsType: 'express' as const, items: [{ skuId: 'a', qty: 1 }] }))
    expect(codeOf(ctx({ ...many, shipped: sent }), { logisticsType: 'express', parcels: [parcel(1)] })).toBe('ok')
    expect(codeOf(ctx({ ...many, shipped: sent }), { logisticsType: 'express', parcels: [parcel(1), parcel(2)] })).toBe('INVALID_SHIPMENT')
  })
})

describe('upload helpers', () => {
  test('upload_time is RFC 3339 in China time with +08:00', () => {
    expect(uploadTime(Date.parse('2025-06-01T02:03:04.005Z'))).toBe('2025-06-01T10:03:04.005+08:00')
    expect(uploadTime(Date.parse('2025-12-31T20:00:00Z'))).toBe('2026-01-01T04:00:00.000+08:00')
    expect(() => uploadTime(NaN)).toThrow(RangeError)
  })

  test('item_desc names the items with their options and quantities, at most 120 characters', () => {
    expect(itemDesc([{ title: '羊绒围巾', attrs: { 颜色: '驼色' }, qty: 2 }, { title: '亚麻衬衫', attrs: { 颜色: '白', 尺码: 'M' }, qty: 1 }])).toBe(
      '羊绒围巾(驼色)*2;亚麻衬衫(白/M)*1'
    )
    const long = itemDesc(Array.from({ length: 30 }, (_, i) => ({ title: `手工陶瓷茶杯${i}号`, qty: 1 })))
    expect(Array.from(long)).toHaveLength(120)
    expect(long.endsWith('…')).toBe(true)
    expect(Array.from(itemDesc([{ title: '😀'.repeat(130), qty: 1 }]))).toHaveLength(120)
    expect(itemDesc([])).toBe('商品')
    expect(itemDesc([{ title: '  ', qty: 1 }])).toBe('商品*1')
  })

  test('phones keep only their last four digits', () => {
    expect(maskPhone('13800138000')).toBe('138****8000')
    expect(maskPhone('138-0013-8000')).toBe('138****8000')
    expect(maskPhone('+8613800138000')).toBe('+86-138****8000')
    expect(maskPhone('02112345678')).toBe('021****5678')
    expect(maskPhone('12345678')).toBe('****5678')
    expect(maskPhone('1234')).toBe('1234')
  })

  test('delivery mode: unified only for one parcel that completes the order', () => {
    expect(deliveryMode(1, true)).toBe(1)
    expect(deliveryMode(1, false)).toBe(2)
    expect(deliveryMode(2, true)).toBe(2)
  })
})
