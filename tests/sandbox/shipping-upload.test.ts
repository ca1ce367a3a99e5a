import { beijing, expressUpload, startMp, type MpHarness } from './helpers/mp'

let h: MpHarness
beforeAll(async () => {
  h = await startMp()
})
afterAll(() => h.close())

const upload = (body: unknown) => h.call('/wxa/sec/order/upload_shipping_info', body)
const getOrder = (body: unknown) => h.call('/wxa/sec/order/get_order', body)
const at = () => h.clock.now()

describe('POST /wxa/sec/order/upload_shipping_info', () => {
  it('a paid order is trade-managed (state 1); one express parcel ships it (state 2) with what get_order shows', async () => {
    const o = await h.paidOrder()
    const before = await getOrder({ transaction_id: o.transactionId })
    expect(before.order).toMatchObject({ transaction_id: o.transactionId, merchant_id: h.keys.mchid, merchant_trade_no: o.outTradeNo, openid: o.openid, order_state: 1, paid_amount: 12900 })
    const r = await upload(expressUpload(o, at()))
    expect(r).toEqual({ errcode: 0, errmsg: 'ok' })
    const after = (await getOrder({ merchant_id: h.keys.mchid, merchant_trade_no: o.outTradeNo })).order
    expect(after.order_state).toBe(2)
    expect(after.shipping).toMatchObject({
      delivery_mode: 1, logistics_type: 1, finish_shipping: true, finish_shipping_count: 1,
      shipping_list: [{ tracking_no: 'YT7512345678901', express_company: 'YTO', goods_desc: '经典帆布包*1' }]
    })
  })

  it('finds the order by mchid + out_trade_no (order_number_type 1)', async () => {
    const o = await h.paidOrder()
    const r = await upload(expressUpload(o, at(), { order_key: { order_number_type: 1, mchid: h.keys.mchid, out_trade_no: o.outTradeNo } }))
    expect(r.errcode).toBe(0)
  })

  it.each([3, 4])('ships without a carrier for logistics_type %i (virtual, pickup): item_desc only', async (type) => {
    const o = await h.paidOrder()
    const r = await upload(expressUpload(o, at(), { logistics_type: type, shipping_list: [{ item_desc: '电子兑换码*1' }] }))
    expect(r.errcode).toBe(0)
  })

  describe('checks every field', () => {
    let o: { transactionId: string; openid: string; outTradeNo: string }
    beforeAll(async () => {
      o = await h.paidOrder()
    })
    const parcel = { tracking_no: 'YT7512345678901', express_company: 'YTO', item_desc: '经典帆布包*1' }
    it.each<[string, number, Record<string, unknown>]>([
      ['order_number_type 3', 268485194, { order_key: { order_number_type: 3, transaction_id: 'x' } }],
      ['type 2 without transaction_id', 268485195, { order_key: { order_number_type: 2 } }],
      ['type 1 without mchid', 268485196, { order_key: { order_number_type: 1, out_trade_no: 'T1' } }],
      ['type 1 without out_trade_no', 268485197, { order_key: { order_number_type: 1, mchid: '1900000109' } }],
      ['logistics_type 5', 10060005, { logistics_type: 5 }],
      ['logistics_type null', 10060005, { logistics_type: null }],
      ['delivery_mode as text', 268485224, { delivery_mode: 'UNIFIED_DELIVERY' }],
      ['split delivery for same-city', 10060006, { logistics_type: 2, delivery_mode: 2, is_all_delivered: true }],
      ['split without is_all_delivered', 10060007, { delivery_mode: 2 }],
      ['shipping_list as an object', 47001, { shipping_list: parcel }],
      ['an empty shipping_list', 10060014, { shipping_list: [] }],
      ['11 parcels', 10060024, { delivery_mode: 2, is_all_delivered: true, shipping_list: Array.from({ length: 11 }, (_, i) => ({ ...parcel, tracking_no: `YT${i}` })) }],
      ['two parcels in unified mode', 268485228, { shipping_list: [parcel, { ...parcel, tracking_no: 'YT2' }] }],
      ['no item_desc', 10060008, { shipping_list: [{ ...parcel, item_desc: '' }] }],
      ['an item_desc of 121 characters', 10060009, { shipping_list: [{ ...parcel, item_desc: '包'.repeat(121) }] }],
      ['express without tracking_no', 268485226, { shipping_list: [{ ...parcel, tracking_no: undefined }] }],
      ['express without express_company', 268485227, { shipping_list: [{ ...parcel, express_company: undefined }] }],
      ['a tracking_no over 128 bytes', 10060026, { shipping_list: [{ ...parcel, tracking_no: 'Y'.repeat(129) }] }],
      ['a carrier not in get_delivery_list', 10060014, { shipping_list: [{ ...parcel, express_company: 'NOPE' }] }],
      ['SF without a contact', 10060014, { shipping_list: [{ ...parcel, express_company: 'SF' }] }],
      ['SF with an unmasked phone', 10060014, { shipping_list: [{ ...parcel, express_company: 'SF', contact: { receiver_contact: '18912341234' } }] }],
      ['SF with the last 4 digits masked too', 10060014, { shipping_list: [{ ...parcel, express_company: 'SF', contact: { receiver_contact: '189****12**' } }] }],
      ['upload_time with +0800', 268485216, { upload_time: '2026-11-30T21:00:00+0800' }],
      ['upload_time without offset', 268485216, { upload_time: '2026-11-30T21:00:00' }],
      ['upload_time as unix seconds', 268485216, { upload_time: 1790000000 }],
      ['no payer', 10060014, { payer: undefined }]
    ])('%s → %i', async (_name, errcode, change) => {
      const r = await upload(expressUpload(o, at(), change))
      expect(r.errcode).toBe(errcode)
      expect(r.errmsg).toMatch(/rid: /)
    })

    it('accepts SF with a masked number keeping the last 4 digits, and a Z offset', async () => {
      const other = await h.paidOrder()
      const r = await upload(expressUpload(other, at(), {
        upload_time: new Date(at()).toISOString(),
        shipping_list: [{ ...parcel, express_company: 'SF', tracking_no: 'SF1400000000001', contact: { receiver_contact: '+86-177****1234' } }]
      }))
      expect(r.errcode).toBe(0)
      const shipped = (await getOrder({ transaction_id: other.transactionId })).order.shipping.shipping_list[0]
      expect(shipped.contact).toEqual({ receiver_contact: '+86-177****1234' })
    })

    it('answers 47001 to a body that is not JSON', async () => {
      expect((await upload('not json')).errcode).toBe(47001)
    })

    it('left the order untouched', async () => {
      expect((await getOrder({ transaction_id: o.transactionId })).order.order_state).toBe(1)
    })
  })

  it('answers 10060031 when payer.openid is not the payer', async () => {
    const o = await h.paidOrder()
    const stranger = h.sandbox.loginCode().openid
    expect((await upload(expressUpload({ ...o, openid: stranger }, at()))).errcode).toBe(10060031)
  })

  it('answers 10060001 for a transaction WeChat does not know', async () => {
    expect((await upload(expressUpload({ transactionId: '4200009999202611309999999999', openid: h.openid }, at()))).errcode).toBe(10060001)
    expect((await getOrder({ transaction_id: '4200009999202611309999999999' })).errcode).toBe(10060001)
  })

  it('10060023 for an unchanged repeat; one re-shipment allowed; then 10060003', async () => {
    const o = await h.paidOrder()
    expect((await upload(expressUpload(o, at()))).errcode).toBe(0)
    expect((await upload(expressUpload(o, at() + 1000))).errcode).toBe(10060023)
    const fixed = [{ tracking_no: 'ZT7800000000001', express_company: 'ZTO', item_desc: '经典帆布包*1' }]
    // An update must carry a later upload_time than the one it replaces.
    expect((await upload(expressUpload(o, at() - 60_000, { shipping_list: fixed }))).errcode).toBe(10060014)
    expect((await upload(expressUpload(o, at() + 2000, { shipping_list: fixed }))).errcode).toBe(0)
    const order = (await getOrder({ transaction_id: o.transactionId })).order
    expect(order.shipping).toMatchObject({ finish_shipping_count: 2, shipping_list: [{ express_company: 'ZTO' }] })
    const again = [{ ...fixed[0], tracking_no: 'ZT7800000000002' }]
    expect((await upload(expressUpload(o, at() + 3000, { shipping_list: again }))).errcode).toBe(10060003)
  })

  it('split delivery: parcels add up until is_all_delivered; continuing a finished split answers 10060002', async () => {
    const o = await h.paidOrder()
    const p = (n: number) => ({ tracking_no: `JT00000000${n}`, express_company: 'JTSD', item_desc: `第${n}件*1` })
    const split = (n: number, list: object[], all: boolean) => expressUpload(o, at() + n, { delivery_mode: 2, is_all_delivered: all, shipping_list: list })
    expect((await upload(split(1, [p(1)], false))).errcode).toBe(0)
    let order = (await getOrder({ transaction_id: o.transactionId })).order
    expect([order.order_state, order.shipping.finish_shipping, order.shipping.finish_shipping_count]).toEqual([1, false, 0])
    expect((await upload(split(2, [p(2), p(3)], true))).errcode).toBe(0)
    order = (await getOrder({ transaction_id: o.transactionId })).order
    expect([order.order_state, order.shipping.finish_shipping, order.shipping.shipping_list.length]).toEqual([2, true, 3])
    expect(order.shipping.goods_desc).toBe('第1件*1;第2件*1;第3件*1')
    expect((await upload(split(3, [p(4)], false))).errcode).toBe(10060002)
  })

  it('answers 10060004 once the shopper confirmed receipt', async () => {
    const o = await h.paidOrder()
    expect((await upload(expressUpload(o, at()))).errcode).toBe(0)
    h.sandbox.mp.confirmReceipt(o.transactionId)
    const change = { shipping_list: [{ tracking_no: 'ZT1', express_company: 'ZTO', item_desc: '经典帆布包*1' }] }
    expect((await upload(expressUpload(o, at() + 1000, change))).errcode).toBe(10060004)
  })

  it('upload_time in +08:00 as the backend sends it', () => {
    expect(beijing(Date.UTC(2026, 10, 30, 13, 0, 0))).toBe('2026-11-30T21:00:00.000+08:00')
  })
})
