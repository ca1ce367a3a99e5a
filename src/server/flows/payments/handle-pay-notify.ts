/**
 * POST /api/v1/wechatpay/notify, on the raw body: signature (WeChat Pay
 * public key, 300 s window), envelope, GCM-decrypted transaction, then
 * applyPaidTransaction's checks and the one conditional paid transition.
 * Anything forged, stale, tampered or mismatched is refused with a 4xx and
 * changes nothing (a wrong amount is flagged); a good one answers 204.
 */
import type { Deps } from '../../deps'
import { refusalStatus } from '../../wechat/pay/notification'
import type { SignedHeaders } from '../../wechat/pay/signing'
import { readTransaction } from '../../wechat/pay/views'
import { applyPaidTransaction } from './apply-transaction'

export type NotifyAnswer = { status: 204 } | { status: number; message: string }

export async function handlePayNotify(deps: Deps, headers: SignedHeaders, rawBody: Buffer): Promise<NotifyAnswer> {
  if (!deps.pay) return { status: 503, message: 'WeChat Pay is not configured on this server' }
  const opened = deps.pay.openNotification(headers, rawBody)
  if (!opened.ok) return { status: refusalStatus(opened), message: opened.error.message }
  if (opened.value.eventType !== 'TRANSACTION.SUCCESS') {
    return { status: 400, message: `unexpected event_type ${opened.value.eventType} at the payment notify URL` }
  }
  const tx = readTransaction(opened.value.resource)
  if (!tx.ok) return { status: 400, message: tx.error.message }
  if (tx.value.tradeState !== 'SUCCESS') return { status: 400, message: `trade_state ${tx.value.tradeState} is not SUCCESS` }
  const applied = await applyPaidTransaction(deps, tx.value)
  if (applied.ok) return { status: 204 }
  return { status: applied.error.code === 'ORDER_NOT_FOUND' ? 404 : 400, message: applied.error.message }
}
