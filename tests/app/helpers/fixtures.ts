import type { AfterSaleDto } from '@core/contract/after-sales'
import type { CartDto } from '@core/contract/cart'
import type { Product } from '@core/contract/catalog'
import type { OrderDto } from '@core/contract/orders'
import type { PageResponse } from '@core/contract/pages'

export const tee: Product = {
  id: 'p-tee',
  title: '亚麻短袖衫',
  description: '透气的亚麻，适合夏天。',
  images: ['/media/tee-1.jpg', '/media/tee-2.jpg'],
  skus: [
    { id: 'sku-tee-white-m', attrs: { 颜色: '白', 尺码: 'M' }, priceFen: 19900, stock: 5 },
    { id: 'sku-tee-white-l', attrs: { 颜色: '白', 尺码: 'L' }, priceFen: 19900, stock: 0 },
    { id: 'sku-tee-black-m', attrs: { 颜色: '黑', 尺码: 'M' }, priceFen: 21900, stock: 2 }
  ]
}

export const mug: Product = {
  id: 'p-mug',
  title: '粗陶马克杯',
  description: '',
  images: ['/media/mug.jpg'],
  skus: [{ id: 'sku-mug', attrs: {}, priceFen: 8800, stock: 40 }]
}

export const soldOutVase: Product = {
  id: 'p-vase',
  title: '白瓷花瓶',
  description: '',
  images: ['/media/vase.jpg'],
  skus: [{ id: 'sku-vase', attrs: {}, priceFen: 12900, stock: 0 }]
}

export const summerPage: PageResponse = {
  page: {
    slug: 'summer-linen',
    title: '夏日亚麻',
    cover: '/media/hero.jpg',
    share: { title: '这个夏天穿亚麻', imageUrl: '/media/share.jpg' },
    publishedAt: '2026-06-18T01:00:00.000Z',
    blocks: [
      { type: 'hero', image: '/media/hero.jpg', title: '夏日亚麻', subtitle: '轻一点，慢一点' },
      { type: 'text', text: '第一段。\n\n第二段。' },
      { type: 'image', image: '/media/look.jpg', caption: '清晨的光' },
      { type: 'product', productId: 'p-tee' },
      { type: 'product-grid', title: '一起带走', productIds: ['p-mug', 'p-vase'] },
      { type: 'video', src: '/media/film.mp4', poster: '/media/poster.jpg' }
    ]
  },
  products: { 'p-tee': tee, 'p-mug': mug, 'p-vase': soldOutVase }
}

export function pricedCart(lines: Array<Partial<CartDto['items'][number]> & { skuId: string; qty: number }>): CartDto {
  const items = lines.map((l) => ({
    productId: 'p-tee',
    title: '亚麻短袖衫',
    attrs: { 颜色: '白', 尺码: 'M' },
    priceFen: 19900,
    maxQty: 5,
    lineFen: (l.priceFen ?? 19900) * l.qty,
    ...l
  }))
  const payable = items.filter((i) => !i.problem)
  return {
    items,
    totalFen: payable.reduce((n, i) => n + i.lineFen, 0),
    payableCount: payable.reduce((n, i) => n + i.qty, 0),
    payableLines: payable.length,
    hasProblems: payable.length < items.length
  }
}

export function order(overrides: Partial<OrderDto> = {}): OrderDto {
  // Without a coupon WeChat Pay charges the total: payableFen follows totalFen unless a test sets it.
  const totalFen = overrides.totalFen ?? 39800
  return {
    id: 'o-1',
    outTradeNo: 'T20260101000001',
    status: 'pending_payment',
    totalFen,
    discountFen: 0,
    payableFen: totalFen - (overrides.discountFen ?? 0),
    items: [{ skuId: 'sku-tee-white-m', title: '亚麻短袖衫', attrs: { 颜色: '白', 尺码: 'M' }, priceFen: 19900, qty: 2 }],
    address: { name: '林小满', phone: '13800138000', province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路 1 号' },
    attribution: { shareId: null, sharerId: null, contentSlug: null, depth: null, scene: null },
    createdAt: '2026-01-01T10:00:00+08:00',
    expiresAt: new Date(Date.now() + 10 * 60_000).toISOString(),
    refundedFen: 0,
    shipments: [],
    refunds: [],
    ...overrides
  }
}

export const SF = { code: 'SF', name: '顺丰速运' }
export const ZTO = { code: 'ZTO', name: '中通快递' }

/** A paid order (WeChat transaction 4200…) shipped in two parcels, auto-completing on 11 Jan. */
export function shippedOrder(overrides: Partial<OrderDto> = {}): OrderDto {
  return {
    ...order({
      status: 'shipped',
      paidAt: '2026-01-01T10:05:00+08:00',
      items: [
        { skuId: 'sku-tee-white-m', title: '亚麻短袖衫', attrs: { 颜色: '白', 尺码: 'M' }, priceFen: 19900, qty: 1 },
        { skuId: 'sku-mug', title: '粗陶马克杯', attrs: {}, priceFen: 8800, qty: 1 }
      ],
      totalFen: 28700,
      shipments: [
        { id: 'sh-1', logisticsType: 'express', carrier: SF, trackingNo: 'SF1234567890', items: [{ skuId: 'sku-tee-white-m', qty: 1 }], shippedAt: '2026-01-01T15:00:00+08:00' },
        { id: 'sh-2', logisticsType: 'express', carrier: ZTO, trackingNo: '75312345678', items: [{ skuId: 'sku-mug', qty: 1 }], shippedAt: '2026-01-01T16:30:00+08:00' }
      ],
      shippedAt: '2026-01-01T16:30:00+08:00',
      autoCompleteAt: '2026-01-11T16:30:00+08:00',
      ...overrides
    }),
    transactionId: '4200000001202601011234567890'
  }
}

export function afterSale(overrides: Partial<AfterSaleDto> = {}): AfterSaleDto {
  return {
    id: 'as-1',
    orderId: 'o-1',
    kind: 'refund',
    status: 'requested',
    reason: '尺码不合适',
    amountFen: 8800,
    images: [],
    createdAt: '2026-01-03T09:00:00+08:00',
    updatedAt: '2026-01-03T09:00:00+08:00',
    ...overrides
  }
}
