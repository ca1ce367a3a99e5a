// The mini-program side of WeChat (access tokens, trade-managed orders, subscription messages), in memory.
import { createReachStore, type ReachStore } from './reach-store'

/** 1 待发货, 2 已发货, 3 确认收货, 4 交易完成, 5 已退款 (6 资金待结算 is never reached here). */
export type OrderState = 1 | 2 | 3 | 4 | 5

export interface Parcel {
  trackingNo?: string
  expressCompany?: string
  goodsDesc: string
  uploadTime: string
  contact?: { consignorContact?: string; receiverContact?: string }
}

export interface Shipping {
  deliveryMode: 1 | 2
  logisticsType: 1 | 2 | 3 | 4
  finished: boolean
  /** 0 while a split delivery is open, 1 once fully shipped, 2 after the one re-shipment. */
  finishCount: number
  parcels: Parcel[]
  /** The last accepted request without its upload_time: a repeat of it changes nothing (10060023). */
  lastPayload: string
  lastUploadMs: number
  shippedAt?: number
}

/** A WeChat Pay transaction as 发货信息管理 knows it, keyed by transaction_id. */
export interface TradeOrder {
  transactionId: string
  mchid: string
  outTradeNo: string
  openid: string
  description: string
  paidFen: number
  createdAt: number
  paidAt: number
  state: OrderState
  shipping?: Shipping
  reshipUsed: boolean
  /** notify_confirm_receive works once per order. */
  receiptReminder?: { receivedTime: number; at: number }
  confirmedAt?: number
  /** 1 auto, 2 by the shopper (the documented meaning). */
  confirmMethod?: 1 | 2
  settledAt?: number
}

export interface AccessToken {
  token: string
  issuedAt: number
  expiresAt: number
  /** Set by expire-token: answers 42001 from then on. */
  expired: boolean
}

export interface MpCall {
  api: string
  at: string
  body: unknown
  errcode: number
}

export interface SentMessage {
  msgid: number
  touser: string
  templateId: string
  page?: string
  miniprogramState: string
  lang: string
  data: Record<string, { value: string }>
  at: string
}

export interface MpStore {
  tokens: Map<string, AccessToken>
  currentToken?: AccessToken
  forceRefreshTimes: number[]
  /** api → the errcode its next `times` calls answer. */
  failures: Map<string, { errcode: number; times: number }>
  ingestDelayMs: number
  calls: MpCall[]
  orders: Map<string, TradeOrder>
  msgJumpPath?: string
  /** `openid templateId` → acceptances left (each allows one message). */
  acceptances: Map<string, number>
  messages: SentMessage[]
  /** URL Links, schemes, short links and msg_sec_check's words. */
  reach: ReachStore
}

export function createMpStore(): MpStore {
  return {
    tokens: new Map(),
    forceRefreshTimes: [],
    failures: new Map(),
    ingestDelayMs: 0,
    calls: [],
    orders: new Map(),
    acceptances: new Map(),
    messages: [],
    reach: createReachStore()
  }
}
