/**
 * The one error the admin's API calls throw: the server's
 * `{error:{code,message,details}}` with its HTTP status. Field problems
 * (`details: [{path, message}]`, paths dotted like `skus.0.priceFen`) are
 * kept so forms can put each message next to its field.
 */
import { type ErrorCode, type LocalErrorCode, isErrorCode } from '@core/error-codes'
import type { FieldIssue } from '@core/result'

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = null
  ) {
    super(message)
    this.name = 'ApiError'
  }

  /** The field problems the server named, or [] when it named none. */
  get fieldIssues(): FieldIssue[] {
    return fieldIssuesOf(this.details)
  }
}

export function fieldIssuesOf(details: unknown): FieldIssue[] {
  if (!Array.isArray(details)) return []
  return details.filter(
    (d): d is FieldIssue => typeof d === 'object' && d !== null && typeof d.path === 'string' && typeof d.message === 'string'
  )
}

// Chinese for staff, one line for every code the server can answer: a Record
// over ErrorCode, so a new code without a message fails the compiler.
const MESSAGES: Record<ErrorCode, string> = {
  BAD_REQUEST: '请求有误，请刷新页面后重试',
  BAD_URL: '网址有误，请检查后重试',
  INVALID_JSON: '请求内容有误，请刷新页面后重试',
  INVALID_CONTENT_LENGTH: '请求内容不完整，请重试',
  VALIDATION_FAILED: '有内容需要修改，请看标红的字段',
  INVALID_ID: '编号有误，请从列表重新进入',
  INVALID_CURSOR: '翻页位置失效了，请回到第一页',
  INVALID_SLUG: '页面地址只能用小写字母、数字和连字符',
  INVALID_WINDOW: '时间范围有误，请重新选择',
  INVALID_IDEMPOTENCY_KEY: '请求编号有误，请刷新页面后重试',
  INVALID_OUT_TRADE_NO: '订单号格式不对',
  PAYLOAD_TOO_LARGE: '内容太大，请减少后再试',
  FILE_TOO_LARGE: '文件太大，最大 5 MB',
  UNSUPPORTED_MEDIA_TYPE: '请求格式不对，请刷新页面后重试',
  UNSUPPORTED_FILE_TYPE: '只能上传 JPEG、PNG、GIF 或 WebP 图片',
  ROUTE_NOT_FOUND: '服务器没有这个功能，请刷新页面（可能后台刚升级）',

  UNAUTHENTICATED: '登录已过期，请重新登录',
  INVALID_CREDENTIALS: '邮箱或密码不对',
  INVALID_CODE: '微信登录码无效，请重新登录',
  CODE_USED: '微信登录码已用过，请重新登录',
  FORBIDDEN: '你的账号没有权限做这件事',
  LOGIN_BLOCKED: '这个账号已停用，请联系管理员',
  CROSS_SITE: '请求来自别的网站，已被拒绝；请直接打开后台地址',
  PREVIEW_EXPIRED: '预览链接已过期，请重新生成',
  BAD_SIGNATURE: '签名不对，请求被拒绝',
  MESSAGE_PUSH_OFF: '服务器没有配置微信消息推送',
  RATE_LIMITED: '登录失败次数过多，请 15 分钟后再试',
  TOO_MANY_REQUESTS: '操作太频繁，请稍后再试',

  EMAIL_TAKEN: '这个邮箱已经有账号了',
  LAST_ADMIN: '这是最后一个管理员，请先把别人设为管理员',
  STAFF_NOT_FOUND: '员工账号不存在',
  SLUG_TAKEN: '这个页面地址已被使用，请换一个',
  SHARE_ID_TAKEN: '分享编号已被使用',
  SHARE_NOT_FOUND: '分享不存在',
  SHARE_NOT_OWNED: '只有分享者本人可以取用这个分享的小程序码',
  CAMPAIGN_NOT_FOUND: '推广活动不存在',
  SCENE_NOT_FOUND: '这个小程序码或链接已失效',
  CONTENT_RISKY: '内容未通过微信安全检测，请修改后再试',
  INVALID_PAGE: '页面有内容需要修改，请看标红的字段',
  INVALID_BLOCKS: '页面里有模块需要修改，请看标红的字段',
  UNKNOWN_BLOCK_TYPE: '页面里有不认识的模块类型，请删除后重试',
  UNKNOWN_PRODUCT: '页面引用的商品不存在或已被删除',
  PAGE_NOT_FOUND: '页面不存在或已被删除',
  VERSION_NOT_FOUND: '这个版本不存在',
  PRODUCT_NOT_FOUND: '商品不存在或已被删除',
  MEDIA_NOT_FOUND: '图片不存在或已被删除',
  NOT_FOUND: '要找的内容不存在或已被删除',
  CONFLICT: '订单刚刚有变化，请刷新后重试',

  INVALID_EVENT: '埋点数据有误',
  INVALID_BATCH: '埋点数据有误',
  UNKNOWN_EVENT_TYPE: '不认识的埋点类型',
  SERVER_ONLY_TYPE: '这种埋点只能由服务器记录',
  PROPS_TOO_LARGE: '埋点数据太大',
  TS_OUT_OF_RANGE: '埋点时间超出范围',
  BATCH_TOO_LARGE: '一次提交的内容太多，请分几次提交',
  TOO_MANY_EVENTS: '一次提交的埋点太多',

  INVALID_QTY: '数量至少为 1 件',
  QTY_ABOVE_LIMIT: '每件商品最多购买 99 件',
  INSUFFICIENT_STOCK: '库存不足',
  SOLD_OUT: '该规格已售罄',
  LINE_NOT_FOUND: '购物车中没有该商品',
  INVALID_ITEMS: '商品清单有误',
  INVALID_ADDRESS: '收货地址有误',
  INVALID_ORDER_TOTAL: '订单金额有误',
  OUT_OF_STOCK: '库存不足',
  SKU_UNAVAILABLE: '商品规格已下架',
  NOT_ON_SALE: '商品尚未开售',
  TOO_MANY_UNPAID_ORDERS: '未付款的订单太多',
  IDEMPOTENCY_KEY_REUSED: '重复的请求，请刷新页面后重试',

  ORDER_NOT_FOUND: '订单不存在',
  INVALID_TRANSITION: '订单当前的状态不能做这个操作',
  INVALID_AMOUNT: '金额有误，请检查后重试',
  ALREADY_PAID: '订单已经付款了',
  ALREADY_CLOSED: '订单已经关闭了',
  ORDER_CLOSED: '订单已关闭',
  ORDER_EXPIRED: '订单已超时',
  AMOUNT_MISMATCH: '金额和订单不一致，请刷新后重试',
  PAYMENT_MISMATCH: '支付信息和订单不一致，请联系技术人员',
  REFUND_IN_PROGRESS: '这笔订单有一笔退款正在处理，请等它完成后再退',
  REFUND_EXCEEDS_PAID: '退款金额超过了可退金额',
  PAY_BAD_ANSWER: '微信支付的回答看不懂，请稍后再试',
  PAY_REJECTED: '微信支付拒绝了这笔退款',
  PAY_NOT_CONFIGURED: '服务器没有配置微信支付，无法退款',
  PAY_UNAVAILABLE: '微信支付暂时连不上，请稍后再试',

  AFTER_SALE_NOT_FOUND: '售后申请不存在',
  INVALID_AFTER_SALE: '售后申请内容有误',
  INVALID_AFTER_SALE_TRANSITION: '售后申请当前的状态不能做这个操作，请刷新',
  INVALID_RETURN_SHIPMENT: '退货物流信息有误',
  INVALID_CARRIER: '快递公司不在微信的快递公司列表里',
  AFTER_SALE_OPEN: '这笔订单已有一个进行中的售后申请',
  AFTER_SALE_NOT_ALLOWED: '这笔订单当前不能申请售后',
  AFTER_SALE_KIND_NOT_ALLOWED: '这笔订单不能申请这种售后',
  AFTER_SALE_EXPIRED: '已超过售后期限',
  AFTER_SALE_CLOSED: '这个售后申请已经结束了（顾客可能已撤销），请刷新',

  INVALID_SHIPMENT: '发货信息有误，请看标红的字段',
  DUPLICATE_ROW: '这个订单在文件里出现了两次，只发了第一行',
  ORDER_NOT_PAID: '订单还没付款，不能发货',
  ORDER_NOT_SHIPPABLE: '订单当前的状态不能发货（可能已发货、已退款或已关闭）',
  ORDER_NOT_SHIPPED: '订单还没发货',
  RECEIPT_NOT_CONFIRMED: '顾客还没确认收货',
  TASK_NOT_FOUND: '这项微信同步不存在',
  TASK_NOT_FAILED: '这项微信同步已经在重试或已完成，不用再提交',
  INVALID_COUPON: '优惠券设置有误，请看标红的字段',
  UNKNOWN_COUPON: '页面里的优惠券不存在，请重新选择',
  COUPON_NOT_FOUND: '找不到这张优惠券',
  COUPON_GONE: '优惠券已抢光',
  COUPON_LIMIT: '已达到每人可领的张数',
  COUPON_NOT_STARTED: '优惠券还没到领取时间',
  COUPON_ENDED: '优惠券已结束',
  COUPON_NOT_USABLE: '这张优惠券现在不能使用',
  COUPON_MIN_SPEND: '未达到优惠券的使用门槛',
  COUPON_NOT_APPLICABLE: '优惠券不适用于这些商品',
  INVALID_MESSAGE: '微信消息内容有误',

  WECHAT_RATE_LIMITED: '微信限流了，请稍后再试',
  WECHAT_BUSY: '微信系统繁忙，请稍后再试',
  WECHAT_UNAVAILABLE: '微信暂时连不上，请稍后再试',
  WECHAT_MISCONFIGURED: '服务器的微信配置有误（AppID 或密钥），请联系技术人员',
  DB_UNAVAILABLE: '数据库连不上，请稍后再试',
  INTERNAL: '服务器出错了，请稍后再试'
}

// Codes the admin makes itself (its API client and the shipping CSV reader).
const LOCAL_MESSAGES: Partial<Record<LocalErrorCode, string>> = {
  NETWORK: '连不上服务器，请检查网络后重试',
  UNKNOWN_CARRIER: '快递公司不在微信的快递公司列表里'
}

/** What to tell staff about an error code: Chinese when we know the code, the server's words otherwise. */
export function messageForCode(code: string, message = ''): string {
  // Server messages that are already Chinese say more than our generic line (e.g. which slug is taken).
  if (/[\u4e00-\u9fff]/.test(message)) return message
  if (isErrorCode(code)) return MESSAGES[code]
  return (LOCAL_MESSAGES as Record<string, string | undefined>)[code] ?? (message || code)
}

/** What to tell staff about an error. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return messageForCode(error.code, error.message)
  return error instanceof Error ? error.message : String(error)
}
