/**
 * WeChat Pay's transaction and refund objects, as the query APIs answer them
 * and as notifications carry them, read into our own camelCase shapes. A
 * field missing or of the wrong type makes the whole object unreadable:
 * nothing half-read is trusted.
 */
import { z } from 'zod'
import { err, ok, type Result } from '@core/result'

export type TradeState = 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR'
export type RefundStatus = 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL'

const fen = z.number().int().nonnegative()

const transactionSchema = z.object({
  appid: z.string(),
  mchid: z.string(),
  out_trade_no: z.string(),
  transaction_id: z.string().optional(),
  trade_state: z.enum(['SUCCESS', 'REFUND', 'NOTPAY', 'CLOSED', 'REVOKED', 'USERPAYING', 'PAYERROR']),
  success_time: z.string().optional(),
  attach: z.string().optional(),
  amount: z.object({ total: fen, payer_total: fen.optional(), currency: z.string().optional() })
})

export interface Transaction {
  appId: string
  mchId: string
  outTradeNo: string
  transactionId: string | null
  tradeState: TradeState
  successTime: string | null
  attach: string | null
  totalFen: number
}

export function readTransaction(value: unknown): Result<Transaction, 'UNREADABLE'> {
  const p = transactionSchema.safeParse(value)
  if (!p.success) return err('UNREADABLE', `not a WeChat Pay transaction: ${p.error.issues[0]?.message ?? ''}`)
  const t = p.data
  return ok({
    appId: t.appid,
    mchId: t.mchid,
    outTradeNo: t.out_trade_no,
    transactionId: t.transaction_id ?? null,
    tradeState: t.trade_state,
    successTime: t.success_time ?? null,
    attach: t.attach ?? null,
    totalFen: t.amount.total
  })
}

// The refund API answers `status`; the refund notification says `refund_status` and adds mchid.
const refundSchema = z.object({
  mchid: z.string().optional(),
  out_trade_no: z.string(),
  out_refund_no: z.string(),
  refund_id: z.string(),
  status: z.enum(['SUCCESS', 'CLOSED', 'PROCESSING', 'ABNORMAL']).optional(),
  refund_status: z.enum(['SUCCESS', 'CLOSED', 'PROCESSING', 'ABNORMAL']).optional(),
  success_time: z.string().optional(),
  amount: z.object({ total: fen, refund: fen })
})

export interface RefundInfo {
  mchId: string | null
  outTradeNo: string
  outRefundNo: string
  refundId: string
  status: RefundStatus
  successTime: string | null
  totalFen: number
  refundFen: number
}

export function readRefund(value: unknown): Result<RefundInfo, 'UNREADABLE'> {
  const p = refundSchema.safeParse(value)
  const status = p.success ? (p.data.refund_status ?? p.data.status) : undefined
  if (!p.success || !status) return err('UNREADABLE', 'not a WeChat Pay refund object')
  const r = p.data
  return ok({
    mchId: r.mchid ?? null,
    outTradeNo: r.out_trade_no,
    outRefundNo: r.out_refund_no,
    refundId: r.refund_id,
    status,
    successTime: r.success_time ?? null,
    totalFen: r.amount.total,
    refundFen: r.amount.refund
  })
}
