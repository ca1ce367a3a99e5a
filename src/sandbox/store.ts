// WeChat's side of the world, in memory: it is a stand-in, and a restart is a fresh WeChat.
import { createMpStore, type MpStore } from './mp-store'

export type TradeState = 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'REFUND'
export type RefundStatus = 'PROCESSING' | 'SUCCESS' | 'ABNORMAL' | 'CLOSED'
export type RefundOutcome = Exclude<RefundStatus, 'PROCESSING'>

export interface Order {
  appid: string
  mchid: string
  description: string
  outTradeNo: string
  attach?: string
  notifyUrl: string
  timeExpire?: string
  totalFen: number
  currency: string
  openid: string
  /** The fields that must repeat exactly for a repeated order to get its prepay_id back. */
  fingerprint: string
  prepayId: string
  tradeState: TradeState
  transactionId?: string
  successTime?: string
  createdAt: number
}

export interface Prepay {
  prepayId: string
  outTradeNo: string
  /** A prepay_id lives 2 hours and cannot be extended. */
  expiresAt: number
}

export interface Refund {
  refundId: string
  outRefundNo: string
  outTradeNo: string
  transactionId: string
  refundFen: number
  totalFen: number
  reason?: string
  notifyUrl?: string
  status: RefundStatus
  createTime: string
  successTime?: string
}

export interface LoginCode {
  code: string
  openid: string
  issuedAt: number
  used: boolean
  /** A forced jscode2session errcode, for tests of the backend's error handling. */
  fail?: number
}

export interface Store {
  orders: Map<string, Order>
  prepays: Map<string, Prepay>
  byTransactionId: Map<string, string>
  refunds: Map<string, Refund>
  codes: Map<string, LoginCode>
  /** openids handed to tests explicitly (generated ones verify by their MAC). */
  openids: Set<string>
  /** jscode2session call times per openid, for the per-minute quota. */
  loginCalls: Map<string, number[]>
  /** The mini-program server side: tokens, trade-managed orders, subscription messages. */
  mp: MpStore
}

export function createStore(): Store {
  return {
    orders: new Map(),
    prepays: new Map(),
    byTransactionId: new Map(),
    refunds: new Map(),
    codes: new Map(),
    openids: new Set(),
    loginCalls: new Map(),
    mp: createMpStore()
  }
}

/** Fen still refundable: the total minus every refund that has not failed. */
export function refundableFen(store: Store, order: Order): number {
  let taken = 0
  for (const r of store.refunds.values()) if (r.outTradeNo === order.outTradeNo && r.status !== 'CLOSED') taken += r.refundFen
  return order.totalFen - taken
}
