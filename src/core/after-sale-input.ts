// The body of POST /orders/:id/after-sales and of the return-parcel form,
// checked the same way by the app's form and by the server. Messages are
// for the shopper (zh-CN). Whether the order allows it is after-sale-rules.
import * as z from 'zod/mini'
import type { AfterSaleRequest, ReturnShipmentRequest } from './contract/after-sales'
import { cartItemsSchema } from './cart-input'
import { err, ok, type Result } from './result'
import { isPlainObject, toFieldIssues } from './zod-issues'

export const AFTER_SALE_REASON_MAX = 80
export const AFTER_SALE_NOTE_MAX = 200
export const AFTER_SALE_MAX_IMAGES = 6
/** The reasons the app offers; the shopper may also write their own. */
export const AFTER_SALE_REASONS = ['不想要了', '尺码不合适', '商品与描述不符', '质量问题', '少件/漏发', '收到商品破损', '未按约定时间发货', '其他'] as const

/** An image the shop's media route serves (an upload of POST /api/v1/media), absolute or as a path. */
export const MEDIA_URL_PATTERN = /^(https?:\/\/[^/\s?#]+)?\/media\/[0-9a-f]{32}\.(jpg|png|webp)$/
/** Carrier tracking numbers: letters, digits and dashes (WeChat allows up to 128 bytes). */
export const TRACKING_NO_PATTERN = /^[A-Za-z0-9-]{4,64}$/

const text = (label: string, max: number) =>
  z.string({ error: `请填写${label}` }).check(z.trim(), z.minLength(1, `请填写${label}`), z.maxLength(max, `${label}最多 ${max} 个字`))

export const afterSaleRequestSchema = z.object({
  kind: z.enum(['refund', 'return'], { error: '请选择售后类型（仅退款或退货退款）' }),
  reason: text('售后原因', AFTER_SALE_REASON_MAX),
  amountFen: z.int({ error: '请填写退款金额' }).check(z.positive('退款金额须大于 0')),
  note: z.optional(z.string().check(z.trim(), z.maxLength(AFTER_SALE_NOTE_MAX, `补充说明最多 ${AFTER_SALE_NOTE_MAX} 个字`))),
  images: z.optional(
    z
      .array(z.string().check(z.regex(MEDIA_URL_PATTERN, '图片须先上传')))
      .check(z.maxLength(AFTER_SALE_MAX_IMAGES, `最多 ${AFTER_SALE_MAX_IMAGES} 张图片`))
  ),
  items: z.optional(cartItemsSchema)
})

export function validateAfterSaleRequest(input: unknown): Result<AfterSaleRequest, 'INVALID_AFTER_SALE'> {
  if (!isPlainObject(input)) return err('INVALID_AFTER_SALE', '请填写售后申请', [{ path: '(root)', message: '请填写售后申请' }])
  const parsed = afterSaleRequestSchema.safeParse(input)
  if (!parsed.success) {
    const issues = toFieldIssues(parsed.error.issues)
    return err('INVALID_AFTER_SALE', issues[0]?.message ?? '售后申请不完整', issues)
  }
  return ok(normalizeAfterSaleRequest(parsed.data))
}

/** A request that passed afterSaleRequestSchema, as it is stored: no empty note or lines, each image once. */
export function normalizeAfterSaleRequest(parsed: z.infer<typeof afterSaleRequestSchema>): AfterSaleRequest {
  const { note, images, items, ...rest } = parsed
  return {
    ...rest,
    ...(note ? { note } : {}),
    images: [...new Set(images ?? [])],
    ...(items && items.length > 0 ? { items } : {})
  }
}

export const returnShipmentSchema = z.object({
  carrierCode: z.string({ error: '请选择快递公司' }).check(z.trim(), z.regex(/^[A-Za-z0-9_-]{1,32}$/, '请选择快递公司')),
  trackingNo: z.string({ error: '请填写快递单号' }).check(
    z.overwrite((s) => s.replace(/\s+/g, '')),
    z.regex(TRACKING_NO_PATTERN, '快递单号为 4–64 位字母、数字或 -')
  )
})

export function validateReturnShipment(input: unknown): Result<ReturnShipmentRequest, 'INVALID_RETURN_SHIPMENT'> {
  if (!isPlainObject(input)) return err('INVALID_RETURN_SHIPMENT', '请填写退货快递', [{ path: '(root)', message: '请填写退货快递' }])
  const parsed = returnShipmentSchema.safeParse(input)
  if (parsed.success) return ok(parsed.data)
  const issues = toFieldIssues(parsed.error.issues)
  return err('INVALID_RETURN_SHIPMENT', issues[0]?.message ?? '退货快递信息不完整', issues)
}
