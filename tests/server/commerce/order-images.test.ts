/**
 * An order keeps the picture of each line as it was priced, so the shopper's
 * order pages show what was bought even after the product's images change.
 */
import { describeEachDb } from '../helpers/each-db'
import { seedProduct } from '../helpers/seed'
import { createShop, type Shop, type Shopper } from './helpers/shop'
import { orderOf } from './helpers/orders'

describeEachDb('order line pictures', (dialect) => {
  let shop: Shop
  let buyer: Shopper

  beforeAll(async () => {
    shop = await createShop({ dialect })
    buyer = await shop.shopper()
  })
  afterAll(() => shop.close())

  it('stores the priced line image on the created order and answers it later, null without pictures', async () => {
    const withPicture = await seedProduct(shop.t, { title: '亚麻衬衫', images: ['/media/shirt-white.jpg', '/media/shirt-blue.jpg'], skus: [{ attrs: { 颜色: '白' }, priceFen: 12900, stock: 5 }] })
    const bare = await seedProduct(shop.t, { title: '茶巾', images: [], skus: [{ attrs: {}, priceFen: 1900, stock: 5 }] })
    const order = await orderOf(shop, buyer, [
      { skuId: withPicture.skus[0].id, qty: 1 },
      { skuId: bare.skus[0].id, qty: 2 }
    ])
    const byTitle = (items: { title: string; image?: string | null }[]) => Object.fromEntries(items.map((i) => [i.title, i.image]))
    expect(byTitle(order.items)).toEqual({ 亚麻衬衫: '/media/shirt-white.jpg', 茶巾: null })

    // The product's pictures change afterwards; the order keeps the one it was bought with.
    const edit = await shop.t.call('PUT', `/api/admin/products/${withPicture.id}`, {
      cookie: shop.t.adminCookie,
      body: { title: '亚麻衬衫', description: '', images: ['/media/shirt-new.jpg'], skus: [{ id: withPicture.skus[0].id, attrs: { 颜色: '白' }, priceFen: 12900, stock: 4 }] }
    })
    expect(edit.status).toBe(200)
    const again = await shop.call('GET', `/api/v1/orders/${order.id}`, { token: buyer.token })
    expect(again.status).toBe(200)
    expect(byTitle(again.json.order.items)).toEqual({ 亚麻衬衫: '/media/shirt-white.jpg', 茶巾: null })
    const list = await shop.call('GET', '/api/v1/orders', { token: buyer.token })
    expect(byTitle(list.json.items.find((o: { id: string }) => o.id === order.id).items)).toEqual({ 亚麻衬衫: '/media/shirt-white.jpg', 茶巾: null })
  })

  it("keeps the chosen colour's picture where the product has one picture per colour, in the cart and on the order", async () => {
    const tee = await seedProduct(shop.t, {
      title: '亚麻短袖衫',
      images: ['/media/tee-oat.jpg', '/media/tee-indigo.jpg'],
      skus: [
        { attrs: { 颜色: '燕麦', 尺码: 'M' }, priceFen: 19900, stock: 5 },
        { attrs: { 颜色: '黛青', 尺码: 'M' }, priceFen: 21900, stock: 5 },
        { attrs: { 颜色: '黛青', 尺码: 'L' }, priceFen: 21900, stock: 5 }
      ]
    })
    const indigoL = tee.skus.find((s) => s.attrs.颜色 === '黛青' && s.attrs.尺码 === 'L')!.id
    const cart = await shop.call('PUT', '/api/v1/cart', { token: buyer.token, body: { items: [{ skuId: indigoL, qty: 1 }] } })
    expect(cart.status).toBe(200)
    expect(cart.json.items[0].image).toBe('/media/tee-indigo.jpg')
    const order = await orderOf(shop, buyer, [{ skuId: indigoL, qty: 1 }, { skuId: tee.skus[0].id, qty: 1 }])
    expect(order.items.map((i: { image: string }) => i.image).sort()).toEqual(['/media/tee-indigo.jpg', '/media/tee-oat.jpg'])
  })
})
