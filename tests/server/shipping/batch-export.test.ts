// Batch shipping from a CSV's rows (each row on its own) and the finance
// export (UTF-8 with BOM, RFC 4180, one row per order line, yuan).
import { describeEachDb } from '../helpers/each-db'
import { editorCookie } from '../helpers/seed'
import { createFulfilmentShop, type FulfilmentShop } from './helpers/fulfilment'

describeEachDb('batch shipping and export', (dialect) => {
  let shop: FulfilmentShop
  beforeAll(async () => {
    shop = await createFulfilmentShop({ dialect })
  })
  afterAll(() => shop.closeAll())

  test('every row gets its own result; a bad row never blocks the others', async () => {
    const a = await shop.paidOrder()
    const b = await shop.paidOrder()
    const c = await shop.paidOrder()
    const res = await shop.call('POST', '/api/admin/orders/shipments', {
      cookie: shop.t.adminCookie,
      body: {
        rows: [
          { orderId: a.id, carrierCode: 'YTO', trackingNo: 'YT-A' },
          { orderId: 'ord_nothere', carrierCode: 'YTO', trackingNo: 'YT-X' },
          { orderId: b.id, carrierCode: 'NOPE', trackingNo: 'N-B' },
          { orderId: c.id, carrierCode: ' ZTO ', trackingNo: ' ZT-C ' },
          { orderId: a.id, carrierCode: 'YTO', trackingNo: 'YT-A2' },
          { orderId: 'not an id!', carrierCode: 'YTO', trackingNo: '1' }
        ]
      }
    })
    expect(res.status).toBe(200)
    expect(res.json.results).toEqual([
      { orderId: a.id, ok: true },
      { orderId: 'ord_nothere', ok: false, code: 'ORDER_NOT_FOUND', message: expect.any(String) },
      { orderId: b.id, ok: false, code: 'INVALID_SHIPMENT', message: expect.stringContaining('NOPE') },
      { orderId: c.id, ok: true },
      { orderId: a.id, ok: false, code: 'DUPLICATE_ROW', message: expect.any(String) },
      { orderId: 'not an id!', ok: false, code: 'ORDER_NOT_FOUND', message: expect.any(String) }
    ])
    expect((await shop.adminOrder(a.id)).status).toBe('shipped')
    expect((await shop.adminOrder(b.id)).status).toBe('paid')
    const cOrder = await shop.adminOrder(c.id)
    expect(cOrder.shipments[0]).toEqual(expect.objectContaining({ carrier: { code: 'ZTO', name: '中通快递' }, trackingNo: 'ZT-C' }))
    // Shipping b again in a second file works: the first file's failure left nothing behind.
    const again = await shop.call('POST', '/api/admin/orders/shipments', { cookie: shop.t.adminCookie, body: { rows: [{ orderId: b.id, carrierCode: 'YTO', trackingNo: 'YT-B' }, { orderId: a.id, carrierCode: 'YTO', trackingNo: 'YT-A' }] } })
    expect(again.json.results.map((r: { ok: boolean; code?: string }) => r.code ?? 'ok')).toEqual(['ok', 'ORDER_NOT_SHIPPABLE'])

    expect((await shop.call('POST', '/api/admin/orders/shipments', { cookie: shop.t.adminCookie, body: { rows: [] } })).status).toBe(400)
  })

  test('a row may name its order by the order number staff see and the export writes', async () => {
    const d = await shop.paidOrder()
    const res = await shop.call('POST', '/api/admin/orders/shipments', {
      cookie: shop.t.adminCookie,
      body: { rows: [{ orderId: d.outTradeNo, carrierCode: 'YTO', trackingNo: 'YT-D' }, { orderId: d.id, carrierCode: 'YTO', trackingNo: 'YT-D' }] }
    })
    expect(res.json.results).toEqual([
      { orderId: d.outTradeNo, ok: true },
      { orderId: d.id, ok: false, code: 'DUPLICATE_ROW', message: expect.any(String) }
    ])
    expect((await shop.adminOrder(d.id)).shipments[0]).toEqual(expect.objectContaining({ trackingNo: 'YT-D' }))
    expect((await shop.call('POST', '/api/admin/orders/shipments', { cookie: await editorCookie(shop.t), body: { rows: [] } })).status).toBe(403)
  })

  test('the export: BOM, header, one line per order line, yuan, China time, filtered by status', async () => {
    const o = await shop.paidOrder()
    const sku = o.order.items[0].skuId
    const two = await shop.paidOrder({ buyer: o.buyer, items: [{ skuId: sku, qty: 2 }, { skuId: (await skuB(shop)), qty: 1 }] })
    await shop.ship(two.id, { logisticsType: 'express', parcels: [{ carrierCode: 'SF', trackingNo: 'SF-EXP' }] })
    const res = await fetch(`${shop.t.url}/api/admin/orders/export?status=shipped`, { headers: { cookie: shop.t.adminCookie } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="orders-\d{8}\.csv"$/)
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1)
    const lines = text.split('\r\n')
    expect(lines[0]).toBe('订单号,微信支付单号,状态,下单时间,支付时间,商品,规格,SKU,单价(元),数量,小计(元),订单金额(元),已退款(元),收货人,电话,收货地址,发货方式,快递公司,运单号,发货时间,完成时间')
    const mine = lines.filter((l) => l.startsWith(`${two.outTradeNo},`))
    expect(mine).toHaveLength(2)
    expect(mine[0]).toContain(`,${two.transactionId},已发货,`)
    expect(mine[0]).toContain(`,亚麻衬衫,白/M,${sku},299.00,2,598.00,797.00,0.00,张三,13800138000,上海市 上海市 黄浦区 南京东路 1 号,快递,顺丰速运,SF-EXP,`)
    expect(mine[1]).toContain(',亚麻衬衫,蓝/L,')
    expect(text.endsWith('\r\n')).toBe(true)
    // Only shipped orders were asked for.
    expect(lines.some((l) => l.startsWith(`${o.outTradeNo},`))).toBe(false)

    const bad = await shop.call('GET', '/api/admin/orders/export?from=2025-06-02T00:00:00Z&to=2025-06-01T00:00:00Z', { cookie: shop.t.adminCookie })
    expect(bad.status).toBe(400)
    expect((await shop.call('GET', '/api/admin/orders/export')).status).toBe(401)
  })
})

async function skuB(shop: FulfilmentShop): Promise<string> {
  const row = await shop.t.deps.db.selectFrom('skus').select('id').where('attrs', 'like', '%蓝%').executeTakeFirstOrThrow()
  return row.id
}
