import { addFen, formatFen, isFen, MAX_AMOUNT_FEN, multiplyFen, parseYuan, sumFen } from '@core/money'

describe('isFen', () => {
  test.each([0, 1, -5, 1999, Number.MAX_SAFE_INTEGER])('%p is fen', (n) => {
    expect(isFen(n)).toBe(true)
  })
  test.each([0.5, 19.99, NaN, Infinity, Number.MAX_SAFE_INTEGER + 1, '100', null, undefined])('%p is not fen', (n) => {
    expect(isFen(n)).toBe(false)
  })
})

describe('arithmetic', () => {
  test('adds, multiplies and sums integers exactly', () => {
    expect(addFen(1990, 10)).toBe(2000)
    expect(multiplyFen(1999, 3)).toBe(5997)
    expect(sumFen([1990, 10, 1])).toBe(2001)
    expect(sumFen([])).toBe(0)
  })

  test('yuan amounts that drift as floats (0.1 + 0.2, 19.99 × 3) come out exact through fen', () => {
    const fen = (yuan: string) => {
      const parsed = parseYuan(yuan)
      if (!parsed.ok) throw new Error(`${yuan}: ${parsed.error.message}`)
      return parsed.value
    }
    expect(formatFen(sumFen([fen('0.1'), fen('0.2')]))).toBe('¥0.30')
    expect(formatFen(multiplyFen(fen('19.99'), 3))).toBe('¥59.97')
    expect(formatFen(addFen(fen('1.15'), fen('0.57')))).toBe('¥1.72')
  })

  test('refuses fractional fen instead of silently rounding', () => {
    expect(() => addFen(19.99, 1)).toThrow(RangeError)
    expect(() => sumFen([100, 0.5])).toThrow(/list\[1\]/)
    expect(() => multiplyFen(19.99, 2)).toThrow(/priceFen/)
  })

  test('refuses negative or fractional quantities', () => {
    expect(() => multiplyFen(100, -1)).toThrow(/qty/)
    expect(() => multiplyFen(100, 1.5)).toThrow(/qty/)
  })

  test('refuses results beyond safe integers', () => {
    expect(() => addFen(Number.MAX_SAFE_INTEGER, 1)).toThrow(/overflows/)
    expect(() => multiplyFen(Number.MAX_SAFE_INTEGER, 2)).toThrow(/overflows/)
    expect(() => sumFen([Number.MAX_SAFE_INTEGER, 1])).toThrow(/overflows/)
  })
})

describe('formatFen', () => {
  test.each([
    [1999, '¥19.99'],
    [129900, '¥1,299'],
    [50, '¥0.50'],
    [5, '¥0.05'],
    [0, '¥0'],
    [100, '¥1'],
    [1990, '¥19.90'],
    [123456789, '¥1,234,567.89'],
    [100000000, '¥1,000,000'],
    [-1999, '-¥19.99'],
    [-100, '-¥1']
  ])('%p fen → %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text)
  })

  test('throws on a non-integer amount (a bug upstream, not a display case)', () => {
    expect(() => formatFen(19.99)).toThrow(RangeError)
  })
})

describe('parseYuan', () => {
  test.each([
    ['19.9', 1990],
    ['19.99', 1999],
    ['19.90', 1990],
    ['19', 1900],
    ['0.29', 29],
    ['0.57', 57],
    ['1.15', 115],
    ['0.01', 1],
    ['.5', 50],
    ['5.', 500],
    ['0', 0],
    ['007', 700],
    ['  12.3  ', 1230],
    ['¥19.99', 1999],
    ['￥ 8', 800],
    ['1,299', 129900],
    ['1,299.50', 129950],
    ['12,345,678', 1234567800],
    ['-0', 0]
  ])('%p → %p fen', (input, fen) => {
    expect(parseYuan(input)).toEqual({ ok: true, value: fen })
  })

  test.each([
    [''],
    ['   '],
    ['abc'],
    ['19.9.9'],
    ['1e3'],
    ['.'],
    ['12,99'],
    ['1,2999'],
    [',100'],
    ['1 000'],
    ['0x10'],
    ['19,9'],
    ['+5'],
    ['¥']
  ])('%p is INVALID_AMOUNT', (input) => {
    const result = parseYuan(input)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_AMOUNT')
      expect(result.error.message).not.toBe('')
    }
  })

  test.each(['19.999', '0.001', '1.005'])('%p is TOO_MANY_DECIMALS (no rounding of staff input)', (input) => {
    expect(parseYuan(input)).toMatchObject({ ok: false, error: { code: 'TOO_MANY_DECIMALS' } })
  })

  test.each(['-1', '-0.01', '- 5', '-¥3'])('%p is NEGATIVE_AMOUNT', (input) => {
    expect(parseYuan(input)).toMatchObject({ ok: false, error: { code: 'NEGATIVE_AMOUNT' } })
  })

  test('amounts above the cap are AMOUNT_TOO_LARGE, the cap itself is fine', () => {
    expect(parseYuan('100000000')).toEqual({ ok: true, value: MAX_AMOUNT_FEN })
    expect(parseYuan('100000000.01')).toMatchObject({ ok: false, error: { code: 'AMOUNT_TOO_LARGE' } })
    expect(parseYuan('99999999999999999999999')).toMatchObject({ ok: false, error: { code: 'AMOUNT_TOO_LARGE' } })
  })

  test('a custom maxFen applies', () => {
    expect(parseYuan('10', { maxFen: 1000 })).toEqual({ ok: true, value: 1000 })
    const over = parseYuan('10.01', { maxFen: 1000 })
    expect(over).toMatchObject({ ok: false, error: { code: 'AMOUNT_TOO_LARGE' } })
    if (!over.ok) expect(over.error.message).toContain('¥10')
  })

  test('a non-string (e.g. a number from a loose form) is INVALID_AMOUNT, not a crash', () => {
    expect(parseYuan(19.9 as unknown as string)).toMatchObject({ ok: false, error: { code: 'INVALID_AMOUNT' } })
  })

  test('parsing then formatting round-trips', () => {
    for (const input of ['19.99', '1,299', '0.50', '1,234,567.89']) {
      const parsed = parseYuan(input)
      expect(parsed.ok && formatFen(parsed.value)).toBe(`¥${input}`)
    }
  })
})
