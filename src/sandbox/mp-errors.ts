import type { Reply } from './http'
import { hex } from './ids'

// errmsg texts as api.weixin.qq.com writes them (the Chinese ones as the shipping doc words them).
export const MP_ERRMSG: Record<number, string> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40002: 'invalid grant_type',
  40003: 'invalid openid',
  40013: 'invalid appid',
  40037: 'invalid template_id',
  40097: 'invalid args',
  40125: 'invalid appsecret',
  40066: 'invalid url',
  40129: 'invalid scene',
  40165: 'invalid weapp pagepath',
  40169: 'invalid length for scene, or the data is not json string',
  40212: 'invalid query',
  40225: 'invalid page title',
  41030: 'invalid page',
  43104: 'this appid does not have permission',
  44990: 'reach max api minute quota limit',
  85079: 'miniprogram has no online release',
  85400: 'long time url link or short link reach limit',
  85401: 'time limit between 1min and 30days',
  85403: 'scheme not exist',
  41001: 'access_token missing',
  42001: 'access_token expired',
  43101: 'user refuse to accept the msg',
  45009: 'reach max api daily quota limit',
  47001: 'data format error',
  47003: 'argument invalid!',
  48001: 'api unauthorized',
  10060001: '支付单不存在',
  10060002: '支付单已完成发货，无法继续发货',
  10060003: '支付单已使用重新发货机会',
  10060004: '支付单处于不可发货的状态',
  10060005: '物流类型有误',
  10060006: '非快递发货时不允许分拆发货',
  10060007: '分拆发货模式下必须填写 is_all_delivered 字段',
  10060008: '商品描述不能为空',
  10060009: '商品描述长度超限',
  10060012: '系统错误',
  10060014: '参数错误',
  10060019: '系统错误',
  10060020: '没有任何商品描述的情况下不允许完成发货',
  10060023: '发货信息未更新',
  10060024: '物流信息列表太长',
  10060025: '物流公司编码太长',
  10060026: '物流单号太长',
  10060028: '当前支付单不处于已发货状态',
  10060029: '确认收货时间不合法',
  10060030: '该支付单已使用过确认收货提醒',
  10060031: '该笔支付单不属于 openid 所指定的用户',
  10060032: '仅支持快递发货的支付单进行确认收货提醒',
  268485194: 'order_number_type 不合法',
  268485195: 'transaction_id 不能为空',
  268485196: 'mchid 不能为空',
  268485197: 'out_trade_no 不能为空',
  268485216: 'upload_time 必须满足 RFC 3339 格式',
  268485224: '发货模式不合法',
  268485226: '物流单号不能为空',
  268485227: '物流公司编码不能为空',
  268485228: '统一发货模式下物流信息列表长度必须为 1'
}

/** Every errcode the sandbox knows, for POST /sandbox/mp/fail. */
export const KNOWN_ERRCODES = Object.keys(MP_ERRMSG).map(Number)

// NOTE: api.weixin.qq.com answers errors with HTTP 200 and the errcode in the body; the backend
// has to read errcode, not the status or the content type.
export function wxReply(value: Record<string, unknown>): Reply {
  return { status: 200, body: JSON.stringify(value), headers: { 'Content-Type': 'application/json; encoding=utf-8' } }
}

export type WxError = {
  errcode: number
  errmsg: string
}

/** `{errcode, errmsg}` with WeChat's trailing request id; `detail` goes in front of it. */
export function wxError(errcode: number, detail?: string): WxError {
  const text = MP_ERRMSG[errcode] ?? 'unknown error'
  return { errcode, errmsg: `${text}${detail ? `: ${detail}` : ''} rid: ${hex(4)}-${hex(4)}-${hex(4)}` }
}
