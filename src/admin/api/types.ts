/**
 * The staff API's shapes as the admin reads them (CONTRACT.md "Brand staff").
 * Block and product shapes come from core; optional fields here are ones the
 * server may add without the admin breaking.
 */
import type { Block } from '@core/content'
import type { Product, SkuAttrs } from '@core/catalog'
import type { OrderStatus } from '@core/order'

export type { Block, Product, SkuAttrs, OrderStatus }

export type Role = 'admin' | 'editor'

export interface Staff {
  id: string
  email: string
  name: string
  role: Role
  active: boolean
  createdAt: string
}

export interface Paged<T> {
  items: T[]
  nextCursor: string | null
}

export type PageStatus = 'draft' | 'scheduled' | 'published'

export interface AdminPage {
  id: string
  slug: string
  title: string
  cover: string | null
  blocks: Block[]
  share: { title: string | null; imageUrl: string | null }
  effective?: { cover: string | null; share: { title: string; imageUrl: string | null } }
  status: PageStatus
  publishedVersion: number | null
  publishedAt: string | null
  scheduledAt: string | null
  createdAt: string
  updatedAt: string
  /** Who saved the draft last, when the server says (name or id). */
  updatedBy?: string | { id: string; name?: string; email?: string } | null
}

export interface PageVersion {
  version: number
  slug: string
  title: string
  createdAt: string
  createdBy: string | null
  live: boolean
  scheduled: boolean
}

export interface Preview {
  token: string
  url: string
  expiresAt?: string
}

export interface Media {
  id: string
  url: string
  path: string
  mime: string
  sizeBytes: number
}

export interface ProductInput {
  title: string
  description: string
  images: string[]
  skus: Array<{ id?: string; attrs: SkuAttrs; priceFen: number; stock: number }>
}

export interface Address {
  name: string
  phone: string
  province: string
  city: string
  district: string
  detail: string
}

export interface OrderItem {
  skuId: string
  productId?: string
  title: string
  attrs: SkuAttrs
  priceFen: number
  qty: number
}

export interface Refund {
  id: string
  amountFen: number
  reason: string
  status: string
  createdAt: string
  outRefundNo?: string
  succeededAt?: string | null
}

export interface Attribution {
  shareId?: string | null
  sharerId?: string | null
  sharerUserId?: string | null
  contentSlug?: string | null
  scene?: number | null
  depth?: number | null
}

export interface Order {
  id: string
  outTradeNo: string
  status: OrderStatus
  totalFen: number
  refundedFen?: number
  items: OrderItem[]
  address: Address
  attribution: Attribution | null
  userId?: string
  createdAt: string
  expiresAt: string
  paidAt?: string | null
  transactionId?: string | null
  payment?: { transactionId?: string | null; paidAt?: string | null; amountFen?: number; tradeState?: string } | null
  refunds?: Refund[]
}

export interface Flag {
  id: string
  kind?: string
  type?: string
  code?: string
  orderId?: string | null
  message?: string
  details?: unknown
  createdAt: string
  resolvedAt?: string | null
}
