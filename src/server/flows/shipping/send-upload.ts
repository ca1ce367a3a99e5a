/**
 * Outbox sender of upload_shipping_info. The body was built when the
 * shipment was made (same transaction), so a retry sends exactly what staff
 * shipped. 10060002/10060003/10060023 (and 10060004) mean WeChat may already
 * hold a shipment: get_order decides (shipped or further = done).
 */
import { classifyErrcode, problemFor } from '@core/wechat-errors'
import type { TaskSender } from '../outbox/outcome'
import { outcomeOf } from '../outbox/outcome'
import { getTradeOrder, isShippedState, uploadShippingInfo, type UploadShippingInfo } from '../../wechat/mp/trade-api'

export const sendShippingUpload: TaskSender = async (deps, _task, payload) => {
  const body = payload as UploadShippingInfo
  const answer = await uploadShippingInfo(deps.mp, body)
  if (answer.ok || answer.errcode === null || classifyErrcode('upload_shipping_info', answer.errcode) !== 'verify') {
    return outcomeOf('upload_shipping_info', answer)
  }
  const key = body.order_key.order_number_type === 2 ? { transactionId: body.order_key.transaction_id } : { mchid: body.order_key.mchid, outTradeNo: body.order_key.out_trade_no }
  const check = await getTradeOrder(deps.mp, key)
  const said = `upload answered ${answer.errcode}: ${answer.errmsg}`
  if (!check.ok) return { kind: 'retry', errcode: answer.errcode, error: `${said}; get_order to verify failed: ${check.errcode ?? 'no answer'} ${check.errmsg}` }
  if (isShippedState(check.order.state)) return { kind: 'done', note: `${said}; get_order shows order_state ${check.order.state}` }
  return {
    kind: 'failed',
    errcode: answer.errcode,
    error: `${said}; get_order shows order_state ${check.order.state}`,
    problem: problemFor('upload_shipping_info', check.order.state === 5 ? 10060004 : answer.errcode)
  }
}
