import { AFTER_SALE_MAX_IMAGES, validateAfterSaleRequest, validateReturnShipment } from '@core/after-sale-input'

const IMG = `/media/${'a'.repeat(32)}.jpg`
const ABS = `http://shop.test/media/${'b'.repeat(32)}.webp`

describe('after-sales request body', () => {
  test('a good request, trimmed, images de-duplicated, empty note and items dropped', () => {
    expect(validateAfterSaleRequest({ kind: 'return', reason: ' 尺码不合适 ', amountFen: 3000, note: '  ', images: [IMG, ABS, IMG], items: [] })).toEqual({
      ok: true,
      value: { kind: 'return', reason: '尺码不合适', amountFen: 3000, images: [IMG, ABS] }
    })
    expect(validateAfterSaleRequest({ kind: 'refund', reason: '不想要了', amountFen: 1, note: '谢谢', items: [{ skuId: 'sku_1', qty: 1 }] })).toEqual({
      ok: true,
      value: { kind: 'refund', reason: '不想要了', amountFen: 1, note: '谢谢', images: [], items: [{ skuId: 'sku_1', qty: 1 }] }
    })
  })

  test.each([
    [{ reason: 'x', amountFen: 1 }, 'kind'],
    [{ kind: 'swap', reason: 'x', amountFen: 1 }, 'kind'],
    [{ kind: 'refund', reason: '  ', amountFen: 1 }, 'reason'],
    [{ kind: 'refund', reason: '长'.repeat(81), amountFen: 1 }, 'reason'],
    [{ kind: 'refund', reason: 'x', amountFen: 0 }, 'amountFen'],
    [{ kind: 'refund', reason: 'x', amountFen: 9.5 }, 'amountFen'],
    [{ kind: 'refund', reason: 'x', amountFen: '100' }, 'amountFen'],
    [{ kind: 'refund', reason: 'x', amountFen: 1, note: '注'.repeat(201) }, 'note'],
    [{ kind: 'refund', reason: 'x', amountFen: 1, images: ['https://evil.example/x.jpg'] }, 'images.0'],
    [{ kind: 'refund', reason: 'x', amountFen: 1, images: [`/media/${'a'.repeat(32)}.gif`] }, 'images.0'],
    [{ kind: 'refund', reason: 'x', amountFen: 1, images: Array(AFTER_SALE_MAX_IMAGES + 1).fill(IMG) }, 'images'],
    [{ kind: 'refund', reason: 'x', amountFen: 1, items: [{ skuId: 'a', qty: 0 }] }, 'items.0.qty']
  ])('%j is refused at %s', (body, path) => {
    const r = validateAfterSaleRequest(body)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.code).toBe('INVALID_AFTER_SALE')
      expect(r.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path })]))
      // Lines are picked in the app, not typed: only the typed fields need a message for the shopper.
      if (!path.startsWith('items')) expect(r.error.message).toMatch(/\p{Script=Han}/u)
    }
  })

  test('not an object', () => {
    for (const body of [null, [], 'x', 3]) expect(validateAfterSaleRequest(body)).toMatchObject({ ok: false, error: { code: 'INVALID_AFTER_SALE' } })
  })
})

describe('return parcel', () => {
  test('spaces inside the tracking number are removed', () => {
    expect(validateReturnShipment({ carrierCode: 'SF', trackingNo: 'SF 1234 5678 9012' })).toEqual({ ok: true, value: { carrierCode: 'SF', trackingNo: 'SF123456789012' } })
  })
  test.each([
    [{ trackingNo: 'SF123456' }, 'carrierCode'],
    [{ carrierCode: 'S F', trackingNo: 'SF123456' }, 'carrierCode'],
    [{ carrierCode: 'SF', trackingNo: '12' }, 'trackingNo'],
    [{ carrierCode: 'SF', trackingNo: '单号123456' }, 'trackingNo']
  ])('%j is refused at %s', (body, path) => {
    const r = validateReturnShipment(body)
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_RETURN_SHIPMENT', details: [expect.objectContaining({ path })] } })
  })
})
