/**
 * Row types for Kysely. Columns are camelCase here and snake_case in SQL
 * (CamelCasePlugin). Conventions that keep one query text valid on SQLite
 * and PostgreSQL:
 *   - times are ISO 8601 UTC text (`Date#toISOString`), so they compare and
 *     sort as text on both dialects;
 *   - booleans are integer 0/1, JSON is text (parsed in the repository);
 *   - ids are random text minted by the server (see ids.ts).
 * New tables come in a new migration and a new `*Tables` interface
 * below, joined into `Tables`.
 */
import type { ColumnType } from 'kysely'

export interface StaffTables {
  staff: {
    id: string
    email: string
    name: string
    role: 'admin' | 'editor'
    passwordHash: string
    active: number
    createdAt: string
    updatedAt: string
  }
  staffSessions: { tokenHash: string; staffId: string; createdAt: string; expiresAt: string }
  loginAttempts: { id: string; email: string; ip: string; at: string }
  auditLog: {
    id: string
    at: string
    actorId: string | null
    action: string
    targetType: string
    targetId: string
    details: string
  }
}

export interface ShopperTables {
  users: {
    id: string
    openid: string
    unionid: string | null
    sessionKey: string
    createdAt: string
    lastLoginAt: string
    /** Migration 0013: WeChat's nickname and avatar fill-in, null until the shopper sets them. */
    name: Later
    avatarUrl: Later
  }
  shopperSessions: { tokenHash: string; userId: string; createdAt: string; expiresAt: string }
  anonBindings: { anonId: string; userId: string; boundAt: string }
}

export interface CatalogTables {
  products: {
    id: string
    title: string
    description: string
    images: string
    createdAt: string
    updatedAt: string
  }
  skus: {
    id: string
    productId: string
    attrs: string
    priceFen: number
    stock: number
    position: number
    active: number
  }
  media: {
    id: string
    fileName: string
    mime: string
    sizeBytes: number
    sha256: string
    createdBy: string | null
    createdAt: string
  }
}

interface PageContent {
  slug: string
  title: string
  cover: string | null
  blocks: string
  shareTitle: string | null
  shareImageUrl: string | null
}

export interface ContentTables {
  pages: PageContent & {
    id: string
    createdAt: string
    updatedAt: string
    publishedVersion: number | null
    publishedSlug: string | null
    publishedAt: string | null
    scheduledVersion: number | null
    scheduledAt: string | null
    /** Migration 0014: when the jobs runner takes the page offline by itself. */
    unpublishAt: Later
  }
  pageVersions: PageContent & {
    pageId: string
    version: number
    createdAt: string
    createdBy: string | null
  }
  previewTokens: { tokenHash: string; pageId: string; expiresAt: string; createdBy: string }
}

export interface JobTables {
  jobLeases: { name: string; holder: string; expiresAt: string }
}

/** Analytics events (migrations 0003, 0004); `shopper` is who did it, re-keyed when a device is bound at login. */
export interface EventTables {
  events: {
    id: string
    type: string
    /** Epoch ms; bigint, which PostgreSQL's driver reads back as a string: Number() it. */
    ts: ColumnType<number | string, number, never>
    receivedAt: string
    anonId: string | null
    userId: string | null
    sessionId: string | null
    page: string | null
    scene: number | null
    shareId: string | null
    parentShareId: string | null
    channel: string | null
    contentSlug: string | null
    productId: string | null
    skuId: string | null
    qty: number | null
    orderId: string | null
    totalFen: number | null
    props: string | null
    /** The bound user, else the anon id; the user id for server events (migration 0004). */
    shopper: string
    /** Migration 0013: the campaign of a campaign_open (its code). */
    campaignCode: Later
  }
}

/** A column added by a later migration: null until set, optional on insert. */
type Later = ColumnType<string | null, string | null | undefined, string | null>

/** Carts, orders, refunds and payment flags (migration 0002). Items, address and cart lines are JSON text. */
export interface CommerceTables {
  carts: { userId: string; items: string; updatedAt: string }
  orders: {
    id: string
    userId: string
    outTradeNo: string
    status: string
    totalFen: number
    refundedFen: number
    refundingFen: number | null
    statusBeforeRefund: string | null
    items: string
    address: string
    attrShareId: string | null
    attrSharerUserId: string | null
    attrContentSlug: string | null
    attrDepth: number | null
    attrScene: string | null
    createdAt: string
    expiresAt: string
    paidAt: string | null
    closedAt: string | null
    idempotencyKey: string
    requestHash: string
    updatedAt: string
    transactionId: string | null
    prepayId: string | null
    payRequestedAt: string | null
    payCheckedAt: string | null
    /** Migration 0008: when everything was delivered to the carrier; when completed; WeChat's shipping reminder. */
    shippedAt: Later
    completedAt: Later
    shippingReminderAt: Later
    receivedAt: Later
    completeCheckedAt: Later
    logisticsType: Later
    /** Migration 0012: the coupon's discount, what WeChat Pay charges (totalFen − discountFen), the user coupon used and its title. */
    discountFen: number
    payableFen: number
    couponId: Later
    couponTitle: Later
    /** Migration 0013: the channel of the last touch (share or campaign), and the campaign's code when it was one. */
    attrChannel: Later
    attrCampaignCode: Later
  }
  refunds: {
    id: string
    orderId: string
    outRefundNo: string
    amountFen: number
    reason: string
    status: string
    wechatRefundId: string | null
    createdBy: string | null
    createdAt: string
    updatedAt: string
    settledAt: string | null
    checkedAt: string | null
  }
  paymentFlags: {
    id: string
    kind: string
    orderId: string | null
    outTradeNo: string | null
    outRefundNo: string | null
    message: string
    details: string
    dedupeKey: string
    createdAt: string
    resolvedAt: string | null
  }
}

/** Shipping and the WeChat outbox (migration 0008). Times ISO UTC; payload is JSON text. */
export interface FulfilmentTables {
  shipments: {
    id: string
    orderId: string
    logisticsType: string
    carrierCode: string | null
    carrierName: string | null
    trackingNo: string | null
    shippedAt: string
    createdBy: string | null
  }
  shipmentItems: { shipmentId: string; orderId: string; skuId: string; qty: number }
  wechatTasks: {
    id: string
    kind: string
    orderId: string | null
    payload: string
    status: string
    attempts: ColumnType<number, number | undefined, number>
    nextAttemptAt: string | null
    lastErrcode: number | null
    lastError: string | null
    problemMessage: string | null
    problemAction: string | null
    dedupeKey: string | null
    lockedBy: string | null
    lockedUntil: string | null
    createdAt: string
    updatedAt: string
    doneAt: string | null
  }
  wechatTokens: {
    appid: string
    accessToken: string | null
    expiresAt: string | null
    refreshHolder: string | null
    refreshUntil: string | null
    updatedAt: string
  }
  wechatCarriers: { code: string; name: string; position: number; fetchedAt: string }
}

/** After-sales, subscription credits, shop settings and shopper uploads (migration 0009). JSON is text. */
export interface AfterSalesTables {
  afterSales: {
    id: string
    orderId: string
    userId: string
    kind: string
    status: string
    reason: string
    amountFen: number
    note: string | null
    /** JSON list of media URLs. */
    images: string
    /** JSON lines the shopper named; null = the whole order. */
    items: string | null
    rejectReason: string | null
    /** 0/1 once staff decided; null before. */
    restock: number | null
    returnCarrierCode: string | null
    returnCarrierName: string | null
    returnTrackingNo: string | null
    returnShippedAt: string | null
    receivedAt: string | null
    restockedItems: string | null
    restockedAt: string | null
    refundId: string | null
    autoApproved: ColumnType<number, number | undefined, number>
    decidedBy: string | null
    decidedAt: string | null
    createdAt: string
    updatedAt: string
  }
  subscriptionCredits: { userId: string; templateKey: string; credits: number; updatedAt: string }
  shopSettings: { key: string; value: string; updatedBy: string | null; updatedAt: string }
  shopperUploads: { id: string; userId: string; fileName: string; createdAt: string }
}

/** Migration 0010: shareId owners by the server's clock, and shared rate-limit counters. */
export interface HardeningTables {
  shareOwners: {
    shareId: string
    anonId: string | null
    shopper: string
    claimedAt: string
    /** Migration 0013: what a server-issued share points at, its channel and parent; issued = 1 for POST /api/v1/shares. */
    contentSlug: Later
    productId: Later
    channel: Later
    parentShareId: Later
    issued: ColumnType<number, number | undefined, number>
  }
  /** windowStart: epoch ms (bigint: pg reads it back as a string). */
  rateCounters: { key: string; windowStart: ColumnType<number | string, number, number>; count: number }
}

/** Migration 0011: raw events past EVENT_RETENTION_DAYS, folded per day (UTC+08:00), type, page ('' for none) and shopper. */
export interface RetentionTables {
  eventDailyRollups: {
    day: string
    type: string
    contentSlug: string
    shopper: string
    events: number
    /** Epoch ms; bigint (pg reads it back as a string). */
    firstTs: ColumnType<number | string, number, number>
    lastTs: ColumnType<number | string, number, number>
  }
}

/** Migration 0015: one row per share id, kept at ingest and login (db/repos/share-fact-repo.ts). */
export interface ShareFactTables {
  shareFacts: {
    shareId: string
    /** The `share` event that is the share: earliest ts, then smallest id. */
    eventId: string
    sharer: string
    parentShareId: string | null
    contentSlug: string | null
    /** Epoch ms; bigint (pg reads it back as a string). */
    ts: ColumnType<number | string, number, number>
    depth: number
    subtreeDepth: number
  }
}

/** Coupons and sharer rewards (migration 0012). productIds is JSON text; null = every product. */
export interface CouponTables {
  coupons: {
    id: string
    title: string
    kind: string
    amountOffFen: number | null
    percentOff: number | null
    maxOffFen: number | null
    minSpendFen: number
    productIds: string | null
    startsAt: string
    endsAt: string
    validDays: number | null
    total: number | null
    perUser: number
    claimed: ColumnType<number, number | undefined, number>
    createdBy: string | null
    createdAt: string
    updatedAt: string
  }
  userCoupons: {
    id: string
    couponId: string
    userId: string
    source: string
    seq: number
    claimedAt: string
    validFrom: string
    expiresAt: string
    orderId: string | null
    usedAt: string | null
    voidedAt: string | null
  }
  rewardRules: {
    id: string
    contentSlug: string | null
    couponId: string
    minPaidFen: number
    active: ColumnType<number, number | undefined, number>
    createdBy: string | null
    createdAt: string
  }
  rewardLedger: {
    id: string
    orderId: string
    kind: string
    sharerUserId: string
    ruleId: string
    couponId: string
    userCouponId: string
    shareId: string | null
    contentSlug: string | null
    at: string
  }
}

/** Migration 0014: launch times derived from live pages' countdown blocks, and shoppers' 开售提醒. */
export interface LaunchTables {
  productLaunches: { pageId: string; productId: string; launchAt: string; contentSlug: string; updatedAt: string }
  launchReminders: {
    id: string
    userId: string
    productId: string
    contentSlug: string | null
    shareId: string | null
    sharerUserId: string | null
    channel: string | null
    createdAt: string
    sentAt: string | null
    outcome: string | null
  }
}

/** Campaigns and cached mini-program codes (migration 0013). Times ISO UTC; PNGs base64. */
export interface ReachTables {
  campaigns: {
    id: string
    code: string
    name: string
    channel: string
    contentSlug: string | null
    productId: string | null
    urlLink: string
    urlLinkExpiresAt: string
    scheme: string
    schemeExpiresAt: string
    shortLink: string | null
    createdBy: string | null
    createdAt: string
    updatedAt: string
  }
  reachCodes: { key: string; pngBase64: string; createdAt: string }
}

export interface Tables
  extends LaunchTables,
    ReachTables,
    StaffTables,
    ShopperTables,
    CatalogTables,
    ContentTables,
    JobTables,
    EventTables,
    CommerceTables,
    FulfilmentTables,
    AfterSalesTables,
    HardeningTables,
    RetentionTables,
    ShareFactTables,
    CouponTables {}
