// Field schemas shared by content blocks and pages, with Chinese messages for
// the staff who read them in the admin editor.
import * as z from 'zod/mini'
import { ID_PATTERN } from './ids'
import { hasNul } from './text'

/** A backend-served path (`/media/…`) or an http(s) URL; never javascript: or data:. */
export const MEDIA_URL_PATTERN = /^(https?:\/\/[^\s/]+[^\s]*|\/[^\s/][^\s]*)$/

const missing = (label: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? `请填写${label}` : `${label}格式不对`

export function mediaUrl(label: string) {
  return z.string({ error: missing(label) }).check(
    z.maxLength(2048, `${label}地址太长`),
    z.regex(MEDIA_URL_PATTERN, `${label}需要是上传后的地址（/media/…）或 http(s) 网址`)
  )
}

/** Trimmed text of 1..max characters (min 0 for optional captions). */
export function plainText(label: string, max: number, min = 1) {
  return z.string({ error: missing(label) }).check(
    z.trim(),
    z.minLength(min, `请填写${label}`),
    z.maxLength(max, `${label}最多 ${max} 个字`),
    z.refine((t) => !hasNul(t), `${label}不能包含空字符（U+0000）`)
  )
}

export function idField(label: string) {
  return z.string({ error: missing(label) }).check(z.regex(ID_PATTERN, `${label}格式不对`))
}

/** Lowercase letters and digits in words joined by single hyphens, 2–64 characters. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
export const SLUG_MESSAGE = '链接名只能用小写字母、数字和单个连字符，2–64 个字符，不能以连字符开头或结尾'

export const slugSchema = z.string({ error: '请填写链接名' }).check(
  z.minLength(2, SLUG_MESSAGE),
  z.maxLength(64, SLUG_MESSAGE),
  z.regex(SLUG_PATTERN, SLUG_MESSAGE)
)
