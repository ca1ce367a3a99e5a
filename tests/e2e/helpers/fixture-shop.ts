// A small stand-in for the backend and the sandbox's login, answering the contract's
// shopper routes from memory. Used only to photograph every page at phone size; the
// real backend is exercised by app-share-checkout.test.ts.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { OrderDto } from '@core/contract/orders'
import type { PageResponse } from '@core/contract/pages'
import type { Product } from '@core/contract/catalog'
import { priceCart } from '@core/cart'
import { placeholderSvg } from './placeholder-media'

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Authorization, Idempotency-Key, Accept'
}

export const products: Record<string, Product> = {
  'p-tee': {
    id: 'p-tee', title: '亚麻短袖衫', description: '100% 法国亚麻，水洗后柔软透气。\n\n宽松版型，适合夏天的每一天。',
    images: ['/media/tee-1.svg', '/media/tee-2.svg', '/media/tee-3.svg'],
    skus: [
      { id: 'sku-tee-oat-m', attrs: { 颜色: '燕麦', 尺码: 'M' }, priceFen: 29900, stock: 12 },
      { id: 'sku-tee-oat-l', attrs: { 颜色: '燕麦', 尺码: 'L' }, priceFen: 29900, stock: 0 },
      { id: 'sku-tee-ink-m', attrs: { 颜色: '墨黑', 尺码: 'M' }, priceFen: 31900, stock: 3 }
    ]
  },
  'p-mug': { id: 'p-mug', title: '粗陶马克杯', description: '手工拉坯，每一只都略有不同。', images: ['/media/mug.svg'], skus: [{ id: 'sku-mug', attrs: {}, priceFen: 8800, stock: 40 }] },
  'p-vase': { id: 'p-vase', title: '白瓷小花瓶', description: '', images: ['/media/vase.svg'], skus: [{ id: 'sku-vase', attrs: {}, priceFen: 12900, stock: 0 }] },
  'p-towel': { id: 'p-towel', title: '华夫格毛巾', description: '', images: ['/media/towel.svg'], skus: [{ id: 'sku-towel', attrs: {}, priceFen: 6900, stock: 25 }] }
}

export const page: PageResponse = {
  page: {
    slug: 'summer-linen', title: '夏日亚麻', cover: '/media/hero.svg', publishedAt: '2026-06-01T02:00:00.000Z', share: { title: '这个夏天，穿亚麻', imageUrl: '/media/hero.svg' },
    blocks: [
      { type: 'hero', image: '/media/hero.svg', title: '夏日亚麻', subtitle: '轻一点，慢一点，让风穿过衣服' },
      { type: 'text', text: '亚麻是最古老的织物之一。它吸湿、透气，越洗越软。\n\n这一季我们选了燕麦与墨黑两种颜色，搭配什么都不费力。' },
      { type: 'product', productId: 'p-tee' },
      { type: 'image', image: '/media/look.svg', caption: '清晨七点的阳台' },
      { type: 'product-grid', title: '一起带走', productIds: ['p-mug', 'p-vase', 'p-towel'] },
      { type: 'video', src: '/media/film.mp4', poster: '/media/poster.svg' }
    ]
  },
  products: { 'p-tee': products['p-tee'], 'p-mug': products['p-mug'], 'p-vase': products['p-vase'], 'p-towel': products['p-towel'] }
}

const summaries = [
  { slug: 'summer-linen', title: '夏日亚麻', cover: '/media/hero.svg', publishedAt: '2026-06-18T09:00:00+08:00' },
  { slug: 'slow-morning', title: '慢慢的早晨', cover: '/media/morning.svg', publishedAt: '2026-06-02T09:00:00+08:00' },
  { slug: 'clay-and-fire', title: '泥土与火', cover: '/media/clay.svg', publishedAt: '2026-05-20T09:00:00+08:00' }
]

function skuInfo() {
  const info: Record<string, { productId: string; title: string; attrs: Record<string, string>; priceFen: number; stock: number; image?: string }> = {}
  for (const p of Object.values(products)) for (const s of p.skus) info[s.id] = { productId: p.id, title: p.title, attrs: s.attrs, priceFen: s.priceFen, stock: s.stock, image: p.images[0] }
  return info
}

export async function startFixtureShop(options: { emptyFeed?: boolean } = {}) {
  let cart: Array<{ skuId: string; qty: number }> = []
  const orders: OrderDto[] = []
  const priced = () => {
    const c = priceCart(cart, skuInfo())
    return { items: c.lines, totalFen: c.totalFen, payableCount: c.payableCount }
  }
  const server = http.createServer((req, res) => {
    let raw = ''
    req.on('data', (d) => (raw += d))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x')
      const send = (status: number, body: unknown, type = 'application/json') => {
        res.writeHead(status, { ...CORS, 'Content-Type': type })
        res.end(type === 'application/json' ? JSON.stringify(body) : String(body))
      }
      const body = raw ? JSON.parse(raw) : {}
      const p = url.pathname
      if (req.method === 'OPTIONS') return send(204, '', 'text/plain')
      if (p.startsWith('/media/') && p.endsWith('.svg')) return send(200, placeholderSvg(p), 'image/svg+xml')
      // No film in the stand-in: the player shows its poster.
      if (p.startsWith('/media/') && p.endsWith('.mp4')) return send(204, '', 'video/mp4')
      if (p === '/sandbox/login-code') return send(200, { code: 'c', openid: 'fixture-openid' })
      if (p === '/api/v1/auth/login') return send(200, { token: 'fixture-token', user: { id: 'u-fixture' } })
      if (p === '/api/v1/events') return send(200, { accepted: body.events?.length ?? 0, duplicates: 0, rejected: [] })
      if (p === '/api/v1/pages') return send(200, { items: options.emptyFeed ? [] : summaries, nextCursor: null })
      if (p === '/api/v1/pages/summer-linen') return send(200, page)
      if (p.startsWith('/api/v1/products/')) {
        const product = products[p.split('/').pop() ?? '']
        return product ? send(200, { product }) : send(404, { error: { code: 'NOT_FOUND', message: '商品不存在' } })
      }
      if (p === '/api/v1/cart') {
        if (req.method === 'PUT') cart = body.items
        return send(200, priced())
      }
      if (p === '/api/v1/orders' && req.method === 'POST') {
        const lines = priceCart(body.items, skuInfo())
        const now = Date.now()
        const order: OrderDto = {
          id: `o${orders.length + 1}`, outTradeNo: `T${now}`, status: 'pending_payment', totalFen: lines.totalFen, discountFen: 0, payableFen: lines.totalFen,
          items: lines.lines.map((l) => ({ skuId: l.skuId, title: l.title, attrs: l.attrs, priceFen: l.priceFen, qty: l.qty })),
          address: body.address, attribution: { shareId: null, sharerId: null, contentSlug: null, depth: null, scene: null },
          createdAt: new Date(now).toISOString(), expiresAt: new Date(now + 15 * 60_000).toISOString(),
          refundedFen: 0, shipments: [], refunds: []
        }
        orders.unshift(order)
        return send(201, { order })
      }
      if (p === '/api/v1/orders') return send(200, { items: orders, nextCursor: null })
      // The checkout looks for usable coupons; the fixture shopper has none.
      if (p === '/api/v1/me/coupons') return send(200, { items: [] })
      const m = /^\/api\/v1\/orders\/([^/]+)(\/pay|\/cancel)?$/.exec(p)
      const order = m && orders.find((o) => o.id === m[1])
      if (order && m?.[2] === '/cancel') return send(200, { order: Object.assign(order, { status: 'closed' }) })
      if (order && m?.[2] === '/pay') return send(200, { payment: { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=fixture', signType: 'RSA', paySign: 's' } })
      if (order) return send(200, { order })
      send(404, { error: { code: 'NOT_FOUND', message: `fixture shop has no ${req.method} ${p}` } })
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    orders,
    markPaid: (id: string) => Object.assign(orders.find((o) => o.id === id) ?? {}, { status: 'paid', paidAt: new Date().toISOString() }),
    close: () => new Promise<void>((r) => server.close(() => r()))
  }
}
