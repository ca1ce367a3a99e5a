// The HTTP API bodies (docs/api.md) as TypeScript types, shared by the
// server (what it answers), the app and the admin (what they read). Types
// only: validation of request bodies lives with each schema in core.
import type { PricedCartLine } from './cart-pricing'
import type { Product, Sku, SkuAttrs } from './catalog'
import type { Block } from './content-blocks'
import type { ErrorCode } from './error-codes'
import type { PageInput } from './content-page'
import type { Event, EventCode } from './event-schema'
import type { OrderStatus } from './order'

export type { Product, Sku, SkuAttrs, Block, PageInput, Event, OrderStatus }

/** Every error answer: `{"error":{"code":"UPPER_SNAKE","message":"…","details":…}}`. */
export type ErrorBody = { error: { code: ErrorCode; message: string; details?: unknown } }

/** A list: `{items, nextCursor}`; nextCursor is null on the last page. */
export type Paged<T> = { items: T[]; nextCursor: string | null }
export type PageQuery = { cursor?: string; limit?: number }
/** A report: `{rows}`. */
export type Rows<T> = { rows: T[] }

// ---- shopper: login ----
export type LoginRequest = { code: string; anonId?: string }
export type LoginResponse = { token: string; user: { id: string } }

// ---- shopper: content and products ----
export type PageShare = { title: string; imageUrl: string | null }
/** A published page as the app gets it, cover and share image already fallen back. */
export type PageDto = { slug: string; title: string; cover: string | null; blocks: Block[]; share: PageShare }
export type PageResponse = { page: PageDto; products: Record<string, Product> }
/** An item of GET /api/v1/pages. */
export type PageSummary = { slug: string; title: string; cover: string | null; publishedAt: string }
export type ProductResponse = { product: Product }

// ---- shopper: cart ----
export type CartItem = { skuId: string; qty: number }
export type CartRequest = { items: CartItem[] }
/** A cart line as the server prices it (see priceCart in core/cart). */
export type CartLineDto = PricedCartLine
export type CartDto = { items: CartLineDto[]; totalFen: number; payableCount: number }

// ---- shopper: orders and payment ----
export type Address = { name: string; phone: string; province: string; city: string; district: string; detail: string }
/** What the client hints (`attribution` of POST /orders). */
export type AttributionHint = { shareId?: string; contentSlug?: string; scene?: number }
/** What the server decided and stores on the order. */
export type Attribution = {
  shareId: string | null
  sharerId: string | null
  contentSlug: string | null
  depth: number | null
  scene: number | null
}
export type CreateOrderRequest = { items: CartItem[]; address: Address; attribution?: AttributionHint; couponId?: string }
export type OrderItemDto = {
  skuId: string
  title: string
  attrs: SkuAttrs
  priceFen: number
  qty: number
  /** The product picture when the order was placed; absent on orders created before pictures were kept. */
  image?: string | null
  /** This line's share of the coupon discount; absent = 0. */
  discountFen?: number
}
export type OrderDto = {
  id: string
  outTradeNo: string
  status: OrderStatus
  totalFen: number
  /** The coupon's discount (0 without one) and what WeChat Pay charges: totalFen − discountFen. */
  discountFen: number
  payableFen: number
  coupon?: { id: string; title: string }
  items: OrderItemDto[]
  address: Address
  attribution: Attribution
  createdAt: string
  expiresAt: string
  paidAt?: string
  refundedFen: number
  /** Parcels sent so far (several = split delivery), oldest first. */
  shipments: ShipmentDto[]
  /** When everything was delivered to the carrier (the order became shipped). */
  shippedAt?: string
  completedAt?: string
  /** WeChat's 48-hour shipping rule: paidAt + 48 h, while the order waits to be shipped. */
  shipBy?: string
  /** A shipped order completes by itself at this time (ORDER_AUTO_COMPLETE_DAYS after shipping). */
  autoCompleteAt?: string
  /** The open or the last after-sales request. */
  afterSale?: AfterSaleDto
  /** Refunds of this order as the shopper sees them, oldest first. */
  refunds: ShopperRefundDto[]
  /** WeChat Pay's transaction id once paid: what WeChat's confirm-receipt component (weappOrderConfirm) is opened with. */
  transactionId?: string
}
export type OrderResponse = { order: OrderDto }

// ---- fulfilment and after-sales ----
export type LogisticsType = 'express' | 'same_city' | 'virtual' | 'pickup'
export type Carrier = { code: string; name: string }
export type CarriersResponse = { items: Carrier[] }
export type ShipmentDto = {
  id: string
  logisticsType: LogisticsType
  carrier?: Carrier
  trackingNo?: string
  items: CartItem[]
  shippedAt: string
}
export type ShipParcel = { carrierCode?: string; trackingNo?: string; items?: CartItem[] }
export type ShipRequest = { logisticsType: LogisticsType; parcels?: ShipParcel[]; allDelivered?: boolean }
export type BatchShipRow = { orderId: string; carrierCode: string; trackingNo: string }
export type BatchShipRequest = { rows: BatchShipRow[] }
export type BatchShipResponse = { results: Array<{ orderId: string; ok: boolean; code?: ErrorCode; message?: string }> }
export type AfterSaleKind = 'refund' | 'return'
export type AfterSaleStatus =
  | 'requested'
  | 'approved'
  | 'awaiting_return'
  | 'returned'
  | 'refunding'
  | 'refunded'
  | 'rejected'
  | 'cancelled'
export type ReturnShipmentDto = { carrier: Carrier; trackingNo: string; shippedAt: string }
export type AfterSaleDto = {
  id: string
  orderId: string
  kind: AfterSaleKind
  status: AfterSaleStatus
  reason: string
  amountFen: number
  note?: string
  images: string[]
  rejectReason?: string
  returnShipment?: ReturnShipmentDto
  restock?: boolean
  /** The lines the shopper named (returns); absent = the whole order. */
  items?: CartItem[]
  createdAt: string
  updatedAt: string
}
export type AfterSaleRequest = { kind: AfterSaleKind; reason: string; amountFen: number; note?: string; images?: string[]; items?: CartItem[] }
export type AfterSaleResponse = { afterSale: AfterSaleDto }
export type ReturnShipmentRequest = { carrierCode: string; trackingNo: string }
export type ApproveAfterSaleRequest = { restock?: boolean }
export type RejectAfterSaleRequest = { reason: string }
/** An after-sales request in the staff queue: the request plus what staff need to decide. */
export type AdminAfterSaleDto = AfterSaleDto & { outTradeNo: string; orderStatus: OrderStatus; totalFen: number; refundedFen: number }
export type ShopperRefundStatus = 'processing' | 'succeeded' | 'failed'
export type ShopperRefundDto = { id: string; amountFen: number; status: ShopperRefundStatus; createdAt: string; settledAt: string | null }
export type SubscriptionKey = 'shipped' | 'refund' | 'afterSale' | 'launch'
export type SubscriptionsRequest = { accepted: SubscriptionKey[] }
export type MediaResponse = { url: string }
/** Shop-wide settings staff may change (`GET/PUT /api/admin/settings`). */
export type ShopSettings = { afterSaleAutoApprove: boolean }
/**
 * Something the backend must tell WeChat (outbox task) as staff see it on the
 * order: `problem` is set, in Chinese, when WeChat refused it for good or it
 * keeps failing, with what to do about it.
 */
export type WechatTaskDto = {
  id: string
  kind: 'upload_shipping_info' | 'set_msg_jump_path' | 'subscribe_message' | 'notify_confirm_receive'
  status: 'pending' | 'done' | 'failed'
  attempts: number
  nextAttemptAt: string | null
  lastErrcode: number | null
  problem?: { message: string; action: string }
  updatedAt: string
}
/** Ready for Taro.requestPayment. */
export type PaymentParams = { timeStamp: string; nonceStr: string; package: string; signType: 'RSA'; paySign: string }
export type PaymentResponse = { payment: PaymentParams }

// ---- shopper: events ----
export type EventsRequest = { events: Event[] }
export type EventsResponse = {
  accepted: number
  duplicates: number
  rejected: Array<{ index: number; code: EventCode; message: string }>
}

// ---- staff ----
export type StaffRole = 'admin' | 'editor'
export type SessionRequest = { email: string; password: string }
export type StaffDto = { id: string; email: string; role: StaffRole }
export type ProductInput = {
  title: string
  description: string
  images: string[]
  skus: Array<{ id?: string; attrs: SkuAttrs; priceFen: number; stock: number }>
}
export type PageStatus = 'draft' | 'scheduled' | 'published'
/** A page in the admin: the draft as staff wrote it plus its publishing state. */
export type AdminPageDto = PageInput & {
  id: string
  status: PageStatus
  publishedAt: string | null
  scheduledAt: string | null
  updatedAt: string
  version: number
}
export type AdminPageResponse = { page: AdminPageDto }
export type PublishRequest = { at?: string }
export type PreviewResponse = { token: string; url: string }
export type RefundRequest = { amountFen: number; reason: string }
export type AdminOrderQuery = PageQuery & { status?: OrderStatus; from?: string; to?: string }

// ---- staff: analytics ----
export type AnalyticsQuery = { from?: string; to?: string; contentSlug?: string }
export type FunnelStepName = 'content_view' | 'add_to_cart' | 'checkout_start' | 'order_created' | 'order_paid'
export type FunnelResponse = { steps: Array<{ name: FunnelStepName; users: number }> }
export type ContentReportRow = {
  slug: string
  views: number
  viewers: number
  shares: number
  shareOpens: number
  addToCarts: number
  orders: number
  paidOrders: number
  paidFen: number
  /** Refunds that succeeded on the orders counted in paidFen (which stays gross). */
  refundedFen: number
  /** Coupon discounts on those orders (paidFen is what was charged, after them); sharer rewards granted and not voided. */
  discountFen?: number
  rewardsGranted?: number
}
export type SharerReportRow = {
  userId: string
  shares: number
  opens: number
  /** Openers who were logged-in shoppers (opens also counts bare anonymous ids). */
  loggedInOpens: number
  newUsers: number
  paidOrders: number
  paidFen: number
  /** Refunds that succeeded on the orders counted in paidFen (which stays gross). */
  refundedFen: number
  discountFen?: number
  rewardsGranted?: number
  maxDepth: number
}

// ---- WeChat Pay → backend (failure answer) ----
export type WechatPayFailBody = { code: 'FAIL'; message: string }

/** A refund of an order as staff see it (`GET /api/admin/orders/:id`). */
export type RefundDto = {
  id: string
  outRefundNo: string
  amountFen: number
  reason: string
  /** e.g. requested, processing, succeeded, failed (shown as given when unknown). */
  status: string
  wechatRefundId: string | null
  createdBy: string | null
  createdAt: string
  settledAt: string | null
}

/** A payment problem WeChat Pay reported (amount mismatch and the like), shown to admins. */
export type FlagDto = {
  id: string
  kind: string
  message: string
  orderId: string | null
  outTradeNo: string | null
  outRefundNo: string | null
  details: Record<string, unknown>
  createdAt: string
  resolvedAt: string | null
}
