/**
 * Raises a payment flag for staff (GET /api/admin/flags): something WeChat
 * Pay reported that the server will not act on by itself, such as a paid
 * amount that differs from the order, money taken for a closed order, or a
 * refund WeChat closed or marked abnormal. The dedupe key keeps one flag
 * per problem however often WeChat re-sends.
 */
import type { Executor } from '../../db/database'
import { insertFlag } from '../../db/repos/flag-repo'
import { newId } from '../../ids'

export type FlagKind =
  | 'AMOUNT_MISMATCH'
  | 'PAID_AFTER_CLOSE'
  | 'REFUND_AMOUNT_MISMATCH'
  | 'REFUND_CLOSED'
  | 'REFUND_ABNORMAL'
  | 'REFUND_REJECTED'

export interface FlagInput {
  kind: FlagKind
  message: string
  orderId?: string | null
  outTradeNo?: string | null
  outRefundNo?: string | null
  details?: Record<string, unknown>
  /** What makes two reports the same problem, besides the kind. */
  dedupe: string
  at: Date
}

export async function flagPayment(db: Executor, f: FlagInput): Promise<boolean> {
  return insertFlag(db, {
    id: newId('flg'),
    kind: f.kind,
    orderId: f.orderId ?? null,
    outTradeNo: f.outTradeNo ?? null,
    outRefundNo: f.outRefundNo ?? null,
    message: f.message,
    details: JSON.stringify(f.details ?? {}),
    dedupeKey: `${f.kind}:${f.dedupe}`,
    createdAt: f.at.toISOString(),
    resolvedAt: null
  })
}
