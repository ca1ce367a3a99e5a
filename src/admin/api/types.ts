/**
 * The staff API's shapes as the admin reads them (docs/api.md).
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

export type { Address, Attribution, ContentReportRow, SharerReportRow, FunnelResponse, FunnelStepName } from '@core/api-types'
import type { Address, AfterSaleDto, Attribution, FlagDto, OrderItemDto, RefundDto, ShipmentDto, WechatTaskDto } from '@core/api-types'

export type OrderItem = OrderItemDto

export type Refund = RefundDto

export type Flag = FlagDto

export interface OrderSummary {
  id: string
  outTradeNo: string
  status: OrderStatus
  totalFen: number
  refundedFen?: number
  items: OrderItem[]
  address: Address
  attribution: Attribution
  userId: string
  createdAt: string
  expiresAt: string
  paidAt?: string
  closedAt?: string
  /** Parcels sent so far (several = split delivery); absent from servers before shipping existed. */
  shipments?: ShipmentDto[]
  shippedAt?: string
  completedAt?: string
  /** WeChat's 48-hour rule: ship before this (paid orders only). */
  shipBy?: string
  autoCompleteAt?: string
  /** When WeChat told us the shopper asked for the parcel (trade_manage_remind_shipping). */
  shippingReminderAt?: string
  afterSale?: AfterSaleDto
}

export interface Order extends OrderSummary {
  payment: { outTradeNo: string; transactionId: string | null; prepayId: string | null; payRequestedAt: string | null; paidAt: string | null }
  refunds: Refund[]
  flags: Flag[]
  /** What the backend still has to tell WeChat, or could not. */
  wechatTasks?: WechatTaskDto[]
}

export interface DailyRow {
  day: string
  paidOrders: number
  paidFen: number
}
