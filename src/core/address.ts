// The shipping address of POST /orders, checked the same way by the app's
// form and by the server. Messages are for the shopper (zh-CN).
import * as z from 'zod/mini'
import type { Address } from './contract/orders'
import { err, ok, type FieldIssue, type Result } from './result'
import { isPlainObject, toFieldIssues } from './zod-issues'

/** A mainland mobile number (11 digits starting 1[3-9]); spaces and dashes are removed first. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/

const part = (label: string, max: number) =>
  z.string({ error: `请填写${label}` }).check(z.trim(), z.minLength(1, `请填写${label}`), z.maxLength(max, `${label}最多 ${max} 个字`))

export const addressSchema = z.object({
  name: part('收货人', 20),
  phone: z.string({ error: '请填写手机号' }).check(
    z.overwrite((s) => s.replace(/[\s-]/g, '').replace(/^\+?86(?=1\d{10}$)/, '')),
    z.regex(MOBILE_PATTERN, '请填写 11 位手机号')
  ),
  province: part('省份', 20),
  city: part('城市', 20),
  district: part('区县', 20),
  detail: part('详细地址', 120)
})

export function validateAddress(input: unknown): Result<Address, 'INVALID_ADDRESS'> {
  if (!isPlainObject(input)) return err('INVALID_ADDRESS', '请填写收货地址', [{ path: 'address', message: '请填写收货地址' }])
  const parsed = addressSchema.safeParse(input)
  if (parsed.success) return ok(parsed.data)
  const issues: FieldIssue[] = toFieldIssues(parsed.error.issues)
  return err('INVALID_ADDRESS', issues[0]?.message ?? '收货地址不完整', issues)
}

/** '张三 138****8000' for order lists: the full number stays in the order detail. */
export function maskPhone(phone: string): string {
  return MOBILE_PATTERN.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone
}
