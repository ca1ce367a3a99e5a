// WeChat's rules for subscription-message values, by the type in the key's name (thing2 → thing).
// A value that breaks its rule fails the whole send with 47003.

const HAN = /^\p{Script=Han}+$/u
const DATE = String.raw`(\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2}|\d{4}/\d{1,2}/\d{1,2})`
const CLOCK = String.raw`\d{1,2}:\d{2}(:\d{2})?`
const DATE_VALUE = new RegExp(`^${DATE}( ${CLOCK})?$`)
const TIME_VALUE = new RegExp(`^(${DATE} )?${CLOCK}$|^${DATE}$`)

/** Checks one value of a range type: `a~b` when both sides fit. */
function range(v: string, one: (s: string) => boolean): boolean {
  const parts = v.split('~').map((s) => s.trim())
  return parts.length <= 2 && parts.every(one)
}

const RULES: Record<string, { ok: (v: string, n: number) => boolean; rule: string }> = {
  thing: { ok: (_v, n) => n <= 20, rule: '20 characters at most' },
  character_string: { ok: (v, n) => n <= 32 && /^[\x21-\x7e]+$/.test(v), rule: 'at most 32 digits, letters or symbols' },
  number: { ok: (v, n) => n <= 32 && /^\d+(\.\d+)?$/.test(v), rule: 'at most 32 digits, may have a decimal point' },
  letter: { ok: (v, n) => n <= 32 && /^[A-Za-z]+$/.test(v), rule: 'at most 32 letters' },
  symbol: { ok: (v, n) => n <= 5 && /^[^A-Za-z0-9\s\p{Script=Han}]+$/u.test(v), rule: 'at most 5 symbols' },
  phrase: { ok: (v, n) => n <= 5 && HAN.test(v), rule: 'at most 5 Chinese characters, nothing else' },
  name: { ok: (v, n) => (HAN.test(v) && n <= 10) || (/^[A-Za-z ]+$/.test(v) && n <= 20), rule: '10 Chinese characters or 20 letters at most' },
  amount: { ok: (v) => /^[¥￥$]?\d{1,10}(\.\d{1,2})?元?$/.test(v), rule: 'a currency sign and up to 10 digits, may end in 元 (e.g. 12.30元)' },
  date: { ok: (v) => range(v, (s) => DATE_VALUE.test(s)), rule: 'a date such as 2019年10月1日 or 2019年10月1日 15:01' },
  time: { ok: (v) => range(v, (s) => TIME_VALUE.test(s)), rule: 'a 24-hour time such as 15:01 or 2019年10月1日 15:01' },
  phone_number: { ok: (v, n) => n <= 17 && /^[\d+\-() ]+$/.test(v), rule: 'at most 17 digits and symbols' },
  car_number: { ok: (_v, n) => n <= 8, rule: '8 characters at most' }
}

/** The reason a value breaks its key's rule, or null when it fits. */
export function valueProblem(key: string, value: unknown): string | null {
  const type = /^([a-z_]+?)\d+$/.exec(key)?.[1]
  const rule = type ? RULES[type] : undefined
  if (!rule) return `data.${key}: unknown keyword type`
  if (typeof value !== 'string' || value === '') return `data.${key}.value is empty`
  if ([...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return `data.${key}.value has control characters`
  return rule.ok(value, [...value].length) ? null : `data.${key}.value must be ${rule.rule}, got "${value}"`
}
