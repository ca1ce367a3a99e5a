/**
 * GET /api/v1/orders/lookup: the order a WeChat service message opens (its
 * query carries transaction_id / merchant_trade_no, see set_msg_jump_path),
 * only when it belongs to the signed-in shopper.
 */
import { err, ok, type Result } from '@core/result'
import { findOrderByOutTradeNo, findOrderByTransactionId, type OrderRow } from '../../db/repos/order-repo'
import type { Deps } from '../../deps'

export async function lookupMyOrder(deps: Deps, userId: string, q: { transactionId?: string; merchantTradeNo?: string }): Promise<Result<OrderRow>> {
  const row = q.transactionId
    ? await findOrderByTransactionId(deps.db, q.transactionId)
    : q.merchantTradeNo
      ? await findOrderByOutTradeNo(deps.db, q.merchantTradeNo)
      : undefined
  return row && row.userId === userId ? ok(row) : err('ORDER_NOT_FOUND', 'No such order of yours')
}
