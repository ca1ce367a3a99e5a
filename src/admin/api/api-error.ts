/**
 * The one error the admin's API calls throw: the server's
 * `{error:{code,message,details}}` with its HTTP status. Field problems
 * (`details: [{path, message}]`, paths dotted like `skus.0.priceFen`) are
 * kept so forms can put each message next to its field.
 */
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

// Chinese for staff; the server's English message is the fallback (it is written to be actionable).
const MESSAGES: Record<string, string> = {
  NETWORK: '连不上服务器，请检查网络后重试',
  UNAUTHENTICATED: '登录已过期，请重新登录',
  FORBIDDEN: '你的账号没有权限做这件事',
  INVALID_CREDENTIALS: '邮箱或密码不对',
  RATE_LIMITED: '登录失败次数过多，请 15 分钟后再试',
  LOGIN_BLOCKED: '这个账号已停用，请联系管理员',
  VALIDATION_FAILED: '有内容需要修改，请看标红的字段',
  INVALID_PAGE: '页面有内容需要修改，请看标红的字段',
  EMAIL_TAKEN: '这个邮箱已经有账号了',
  LAST_ADMIN: '这是最后一个管理员，请先把别人设为管理员',
  UNSUPPORTED_FILE_TYPE: '只能上传 JPEG、PNG、GIF 或 WebP 图片',
  FILE_TOO_LARGE: '文件太大，最大 5 MB',
  PAYLOAD_TOO_LARGE: '内容太大，请减少后再试',
  INTERNAL: '服务器出错了，请稍后再试',
  PAGE_NOT_FOUND: '页面不存在或已被删除',
  PRODUCT_NOT_FOUND: '商品不存在或已被删除',
  ORDER_NOT_FOUND: '订单不存在',
  STAFF_NOT_FOUND: '员工账号不存在',
  REFUND_EXCEEDS_PAID: '退款金额超过了可退金额',
  REFUND_IN_PROGRESS: '这笔订单有一笔退款正在处理，请等它完成后再退',
  INVALID_TRANSITION: '订单当前的状态不能做这个操作',
  PAY_REJECTED: '微信支付拒绝了这笔退款',
  PAY_NOT_CONFIGURED: '服务器没有配置微信支付，无法退款',
  CONFLICT: '订单刚刚有变化，请刷新后重试',
  ORDER_NOT_PAID: '订单还没付款，不能发货',
  ORDER_NOT_SHIPPABLE: '订单当前的状态不能发货（可能已发货、已退款或已关闭）',
  INVALID_SHIPMENT: '发货信息有误，请看标红的字段',
  UNKNOWN_CARRIER: '快递公司不在微信的快递公司列表里',
  AFTER_SALE_NOT_FOUND: '售后申请不存在',
  TASK_NOT_FAILED: '这项微信同步已经在重试或已完成，不用再提交',
  DUPLICATE_ROW: '这个订单在文件里出现了两次，只发了第一行',
  AFTER_SALE_CLOSED: '这个售后申请已经结束了（顾客可能已撤销），请刷新',
  INVALID_AFTER_SALE_TRANSITION: '售后申请当前的状态不能做这个操作，请刷新'
}

/** What to tell staff about an error code: Chinese when we know the code, the server's words otherwise. */
export function messageForCode(code: string, message = ''): string {
  // Server messages that are already Chinese say more than our generic line (e.g. which slug is taken).
  if (/[\u4e00-\u9fff]/.test(message)) return message
  return MESSAGES[code] ?? (message || code)
}

/** What to tell staff about an error. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return messageForCode(error.code, error.message)
  return error instanceof Error ? error.message : String(error)
}
