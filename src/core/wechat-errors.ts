// What an errcode from WeChat's mini-program server APIs means for the
// outbox (docs/wechat.md "Errcodes and what the outbox does"): retry later, check with
// get_order whether WeChat already has the shipment, treat as done, or give
// up and show staff a problem in Chinese with what to do about it.
// Token errcodes (40001/42001/40014) never reach here: the client refreshes
// the token once and retries; if that still fails, it is a retry.

export type WechatApiName =
  | 'upload_shipping_info'
  | 'get_order'
  | 'set_msg_jump_path'
  | 'notify_confirm_receive'
  | 'subscribe_message'
  | 'get_delivery_list'
  | 'generate_urllink'
  | 'query_urllink'
  | 'generatescheme'
  | 'genwxashortlink'
  | 'getwxacodeunlimit'
  | 'msg_sec_check'

export type ErrcodeVerdict =
  /** Try again after a backoff. */
  | 'retry'
  /** WeChat may already hold the shipment: ask get_order before deciding. */
  | 'verify'
  /** Nothing left to do (sent, or pointless to send again). */
  | 'done'
  /** Refused for good: staff must act. */
  | 'failed'

export type StaffProblem = { message: string; action: string }

/** Errcodes WeChat documents as transient. */
const TRANSIENT = new Set([-1, 10060001, 10060012, 10060019, 45009, 44990])
/** The access_token was refused (invalid, expired, not latest). */
export const TOKEN_ERRCODES = new Set([40001, 42001, 40014])

export function isTokenErrcode(errcode: number): boolean {
  return TOKEN_ERRCODES.has(errcode)
}

export function classifyErrcode(api: WechatApiName, errcode: number): ErrcodeVerdict {
  if (errcode === 0) return 'done'
  if (TRANSIENT.has(errcode) || TOKEN_ERRCODES.has(errcode)) return 'retry'
  if (api === 'upload_shipping_info' && (errcode === 10060002 || errcode === 10060003 || errcode === 10060023)) return 'verify'
  // 10060004: refunded, already shipped or finished: get_order tells which.
  if (api === 'upload_shipping_info' && errcode === 10060004) return 'verify'
  // 43101: the shopper has no acceptance left for this template: skip quietly, as WeChat counts them.
  if (api === 'subscribe_message' && errcode === 43101) return 'done'
  // notify_confirm_receive is a courtesy: already used, or the order is past shipping.
  if (api === 'notify_confirm_receive' && (errcode === 10060028 || errcode === 10060030 || errcode === 10060032)) return 'done'
  return 'failed'
}

const MANUAL = '在微信公众平台（小程序后台）→「发货信息管理」中手动录入这笔订单的发货信息'

const PROBLEMS: Record<number, StaffProblem> = {
  [-1]: { message: '微信系统繁忙，发货信息暂未同步', action: '系统会自动重试，无需操作；若长时间未成功，' + MANUAL },
  10060001: {
    message: '微信找不到这笔支付单（可能尚未同步，或不是本小程序的订单）',
    action: `系统会自动重试；若超过一天仍失败，请确认订单确由本小程序支付，再${MANUAL}`
  },
  10060004: { message: '这笔支付单在微信侧不可发货（已退款或已完成）', action: '在订单详情核对退款状态；无需再次发货' },
  10060005: { message: '物流类型有误', action: '请检查发货方式后重新发货，或联系技术人员' },
  10060006: { message: '非快递发货不允许拆分包裹', action: '同城配送、虚拟商品和自提只能一次发货' },
  10060007: { message: '拆分发货缺少“是否全部发货”', action: '请联系技术人员处理' },
  10060008: { message: '商品描述为空', action: '请检查订单商品名称后重试，或' + MANUAL },
  10060009: { message: '商品描述过长', action: '请联系技术人员处理，或' + MANUAL },
  10060014: { message: '发货信息参数错误', action: '请核对快递公司和运单号，或' + MANUAL },
  10060020: { message: '没有商品描述，无法完成发货', action: '请联系技术人员处理，或' + MANUAL },
  10060024: { message: '包裹数量超过微信上限（10 个）', action: '请合并包裹后' + MANUAL },
  10060025: { message: '快递公司编码过长', action: '请从快递公司列表中选择后重新发货' },
  10060026: { message: '运单号过长', action: '请核对运单号（不超过 128 个字符）' },
  10060031: { message: '支付人与订单买家不一致', action: '请联系技术人员核对买家账号，或' + MANUAL },
  268485216: { message: '上传时间格式不合法', action: '请联系技术人员处理' },
  268485226: { message: '快递发货缺少运单号', action: '请补充运单号后重新发货' },
  268485227: { message: '快递发货缺少快递公司', action: '请选择快递公司后重新发货' },
  268485228: { message: '统一发货只能有一个包裹', action: '请联系技术人员处理' },
  47001: { message: '发送给微信的数据格式错误', action: '请联系技术人员处理' },
  48001: { message: '小程序未开通发货信息管理接口权限', action: '请在小程序后台确认已开通「发货信息管理服务」，然后重试' },
  40013: { message: '微信不认可本店的 AppID', action: '请检查服务器配置 WECHAT_APPID' },
  40125: { message: '微信不认可本店的 AppSecret', action: '请检查服务器配置 WECHAT_SECRET（小程序后台 → 开发管理 → 开发设置）' },
  40002: { message: '获取微信接口凭证失败', action: '请联系技术人员检查服务器配置' },
  40003: { message: '用户 openid 无效', action: '请联系技术人员核对买家账号' },
  40037: { message: '订阅消息模板 ID 无效', action: '请检查服务器配置 WECHAT_SUBSCRIBE_TEMPLATES' },
  47003: { message: '订阅消息内容不符合模板要求', action: '请联系技术人员检查模板字段' },
  10060028: { message: '订单在微信侧不处于已发货状态', action: '无需操作' },
  // Links, codes and content security (docs/wechat.md "Links, codes and msg_sec_check").
  40165: { message: '小程序页面路径无效', action: '请确认页面已在线上版本中发布；路径不以 / 开头、不带参数' },
  40212: { message: '链接参数不合法', action: '参数不超过 1024 个字符，中文和特殊字符须 URL 编码' },
  85401: { message: '链接有效期不合法（1 分钟至 30 天）', action: '请联系技术人员处理' },
  85400: { message: '永久链接数量已达微信上限', action: '请改用 30 天内有效的链接' },
  85403: { message: '微信找不到这个链接', action: '请重新生成链接' },
  85079: { message: '小程序尚未发布线上版本', action: '发布小程序后才能生成链接和小程序码' },
  41030: { message: '小程序码的页面不存在，或小程序尚未发布', action: '请确认页面已在线上版本中发布' },
  40169: { message: '小程序码的 scene 不合法', action: 'scene 最多 32 个字符，只能是字母、数字和部分符号' },
  40066: { message: '短链接的页面地址无效', action: '请确认页面已在线上版本中发布' },
  40225: { message: '短链接标题不合法', action: '请修改标题后重试' },
  40129: { message: '内容安全检测的场景值无效', action: '请联系技术人员处理' },
  43104: { message: '本小程序没有这个微信接口的权限', action: '个人主体小程序不能生成链接；请在小程序后台确认主体类型和类目' }
}

/** What staff read on the order when a call failed for good or keeps failing. */
export function problemFor(api: WechatApiName, errcode: number | null, detail?: string): StaffProblem {
  const known = errcode === null ? undefined : PROBLEMS[errcode]
  if (known) return known
  if (errcode === null) {
    return { message: `无法连接微信服务器${detail ? `（${detail}）` : ''}`, action: '系统会自动重试；若持续失败，请检查服务器网络，或' + MANUAL }
  }
  const what = api === 'upload_shipping_info' ? '发货信息同步' : api === 'subscribe_message' ? '订阅消息发送' : '微信接口调用'
  return { message: `${what}失败（错误码 ${errcode}）`, action: api === 'upload_shipping_info' ? `请联系技术人员处理，或${MANUAL}` : '请联系技术人员处理' }
}

/**
 * Delay before attempt `attempts + 1` (attempts = how many were made):
 * 15 s, 30 s, 1 min, 2 min, 4 min … capped at one hour. The first retry
 * comes within 30 s, as WeChat's ingest of a fresh payment takes about a minute.
 */
export function retryDelayMs(attempts: number): number {
  const n = Math.max(1, Math.floor(attempts))
  return Math.min(15_000 * 2 ** (n - 1), 60 * 60_000)
}

/** After this many failed attempts a still-retrying task shows its problem to staff (it keeps retrying). */
export const SHOW_PROBLEM_AFTER_ATTEMPTS = 5
/** A task retried this long without success is given up and left to staff. */
export const GIVE_UP_AFTER_MS = 3 * 24 * 60 * 60_000
