// WeChat Pay's merchant order number. WeChat's docs disagree on `|` and `*`,
// so we keep to the set every version allows (docs/wechat.md "Merchant order numbers").
// A closed WeChat order's number cannot be reused, so each payment attempt of
// one order gets its own number: the order id plus the attempt.
import { err, ok, type Result } from './result'

export const OUT_TRADE_NO_PATTERN = /^[0-9A-Za-z_-]{6,32}$/

export function validateOutTradeNo(value: unknown): Result<string, 'INVALID_OUT_TRADE_NO'> {
  return typeof value === 'string' && OUT_TRADE_NO_PATTERN.test(value)
    ? ok(value)
    : err('INVALID_OUT_TRADE_NO', 'out_trade_no must be 6–32 characters of 0-9, A-Z, a-z, "_" or "-"', { value })
}

/**
 * `<seed letters and digits>_<attempt>`, at most 32 characters: the seed is
 * cut from the end when needed (keep ids unique within their first 25
 * letters/digits, as uuid and ulid are). Throws for a seed with fewer than 4
 * letters/digits or a bad attempt: ids come from our own server, so that is a bug.
 */
export function makeOutTradeNo(seed: string, attempt: number): string {
  if (!Number.isSafeInteger(attempt) || attempt < 0 || attempt > 999_999) {
    throw new RangeError(`attempt must be an integer 0–999999, got ${attempt}`)
  }
  const clean = seed.replace(/[^0-9A-Za-z]/g, '')
  if (clean.length < 4) throw new RangeError(`seed "${seed}" has fewer than 4 letters or digits`)
  const suffix = `_${attempt}`
  return clean.slice(0, 32 - suffix.length) + suffix
}
