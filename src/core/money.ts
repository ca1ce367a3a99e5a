// Money is integer fen everywhere. Arithmetic stays in safe integers; a value
// that is not a safe integer is a bug in the caller and throws (fail loudly),
// while staff input goes through parseYuan and comes back as a Result.
import { err, ok, type Result } from './result'

/** ¥100,000,000: larger than any price or order this shop can take. */
export const MAX_AMOUNT_FEN = 10_000_000_000

export function isFen(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n)
}

function assertFen(n: unknown, name: string): asserts n is number {
  if (!isFen(n)) throw new RangeError(`${name} must be a safe integer number of fen, got ${String(n)}`)
}

function checked(n: number, what: string): number {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} overflows safe integers: ${n}`)
  return n
}

export function addFen(a: number, b: number): number {
  assertFen(a, 'a')
  assertFen(b, 'b')
  return checked(a + b, 'addFen')
}

export function multiplyFen(priceFen: number, qty: number): number {
  assertFen(priceFen, 'priceFen')
  if (!Number.isSafeInteger(qty) || qty < 0) {
    throw new RangeError(`qty must be a non-negative integer, got ${String(qty)}`)
  }
  return checked(priceFen * qty, 'multiplyFen')
}

export function sumFen(list: readonly number[]): number {
  let total = 0
  for (const [i, fen] of list.entries()) {
    assertFen(fen, `list[${i}]`)
    total = checked(total + fen, 'sumFen')
  }
  return total
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/**
 * '¥19.99', '¥1,299' (whole yuan shows no decimals), '¥0.50', '-¥5'.
 * NOTE: no toLocaleString: the mini-program's JS engine may lack full ICU.
 */
export function formatFen(fen: number): string {
  assertFen(fen, 'fen')
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  const yuan = groupThousands(String(Math.floor(abs / 100)))
  const cents = abs % 100
  return cents === 0 ? `${sign}¥${yuan}` : `${sign}¥${yuan}.${String(cents).padStart(2, '0')}`
}

export type ParseYuanCode = 'INVALID_AMOUNT' | 'TOO_MANY_DECIMALS' | 'NEGATIVE_AMOUNT' | 'AMOUNT_TOO_LARGE'

const AMOUNT = /^(\d+|\d{1,3}(?:,\d{3})+)?(?:\.(\d*))?$/

/**
 * Staff input in yuan → fen, without going through floats ('0.29' is 29, not
 * 28.999…). Accepts an optional ¥/￥ sign, spaces around, thousands commas in
 * the right places, 0–2 decimals. Options: maxFen (default MAX_AMOUNT_FEN).
 */
export function parseYuan(input: string, options: { maxFen?: number } = {}): Result<number, ParseYuanCode> {
  const maxFen = options.maxFen ?? MAX_AMOUNT_FEN
  if (typeof input !== 'string') return err('INVALID_AMOUNT', '请输入金额')
  let text = input.trim()
  if (text === '') return err('INVALID_AMOUNT', '请输入金额')
  const negative = text.startsWith('-')
  if (negative) text = text.slice(1).trim()
  text = text.replace(/^[¥￥]\s*/, '')
  const match = AMOUNT.exec(text)
  if (!match || (match[1] === undefined && !match[2])) {
    return err('INVALID_AMOUNT', `"${input}" 不是有效金额，请输入如 19.9 的数字`)
  }
  const decimals = match[2] ?? ''
  if (decimals.length > 2) return err('TOO_MANY_DECIMALS', '金额最多两位小数（精确到分）')
  const whole = (match[1] ?? '0').replace(/,/g, '')
  // Cap the digit count before converting so huge inputs never lose precision.
  if (whole.replace(/^0+/, '').length > 15) return err('AMOUNT_TOO_LARGE', `金额不能超过 ${formatFen(maxFen)}`)
  const fen = Number(whole) * 100 + Number(decimals.padEnd(2, '0'))
  if (negative && fen !== 0) return err('NEGATIVE_AMOUNT', '金额不能为负数')
  if (fen > maxFen) return err('AMOUNT_TOO_LARGE', `金额不能超过 ${formatFen(maxFen)}`)
  return ok(fen)
}
