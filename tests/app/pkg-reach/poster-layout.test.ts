// The poster's layout math: wrapping, the canvas size limit, aspect-fill crops, and where
// the parts go with and without a price and a sharer.
import { canvasScale, coverCrop, MAX_CANVAS_SIDE, posterLayout, POSTER_WIDTH, wrapText } from '../../../src/app/pkg-reach/poster/layout'
import { approxMeasure } from '../../../src/app/pkg-reach/poster/canvas'

// One em per character: easy to count.
const em = (t: string, font: string) => Array.from(t).length * Number(/(\d+)px/.exec(font)?.[1])

test('wrapText breaks by width and ends a cut last line with …', () => {
  const w = (t: string) => t.length * 10
  expect(wrapText('abcdefghij', 50, 3, w)).toEqual(['abcde', 'fghij'])
  expect(wrapText('abcdefghijklmnop', 50, 2, w)).toEqual(['abcde', 'fghi…'])
  expect(wrapText('  a   b  ', 50, 2, w)).toEqual(['a b'])
  expect(wrapText('', 50, 2, w)).toEqual([])
  // A single character wider than the line still goes on it (never an endless loop).
  expect(wrapText('ab', 5, 2, w)).toEqual(['a', 'b'])
})

test('the canvas scale is the screen ratio, lowered so no side exceeds 1365 px', () => {
  expect(canvasScale(300, 480, 2)).toBe(2)
  expect(canvasScale(300, 480, 3)).toBe(2.84)
  expect(480 * canvasScale(300, 480, 3)).toBeLessThanOrEqual(MAX_CANVAS_SIDE)
  expect(canvasScale(300, 480, 0)).toBe(1)
  expect(canvasScale(1000, 1000, 3, 1365)).toBe(1.36)
})

test('coverCrop takes the centred part that fills the box (aspectFill)', () => {
  expect(coverCrop(800, 400, 100, 100)).toEqual({ x: 200, y: 0, w: 400, h: 400 })
  expect(coverCrop(400, 800, 100, 100)).toEqual({ x: 0, y: 200, w: 400, h: 400 })
  expect(coverCrop(600, 600, 200, 100)).toEqual({ x: 0, y: 150, w: 600, h: 300 })
})

test('a product poster: cover, two title lines at most, the price, the sharer beside the code; within the canvas limit', () => {
  const layout = posterLayout(
    { title: '亚麻短袖衫，夏天里最轻的一件衣服，透气不贴身，洗过以后更软更舒服，穿一整天', price: '¥199 起', sharerName: '小林', hasAvatar: true, pixelRatio: 3 },
    em
  )
  expect(layout.width).toBe(POSTER_WIDTH)
  expect(layout.cover).toEqual({ x: 16, y: 16, w: 268, h: 268 })
  expect(layout.titleLines).toHaveLength(2)
  expect(layout.titleLines[1].text.endsWith('…')).toBe(true)
  for (const line of layout.titleLines) expect(em(line.text, layout.titleFont)).toBeLessThanOrEqual(268)
  expect(layout.price).toMatchObject({ text: '¥199 起', x: 16 })
  expect(layout.price!.y).toBeGreaterThan(layout.titleLines[1].y)
  // The foot: avatar and name on the left, the code on the right, below the price, inside the poster.
  expect(layout.avatar).toEqual({ x: 16, y: expect.any(Number), w: 36, h: 36 })
  expect(layout.sharerName).toMatchObject({ text: '小林', x: 60 })
  expect(layout.code.x + layout.code.w).toBe(POSTER_WIDTH - 16)
  expect(layout.code.y).toBeGreaterThan(layout.price!.y + 20)
  expect(layout.codeHint.y + 10).toBeLessThanOrEqual(layout.height)
  expect(layout.avatar!.x + layout.avatar!.w).toBeLessThan(layout.code.x)
  expect(Math.max(layout.pixelWidth, layout.pixelHeight)).toBeLessThanOrEqual(MAX_CANVAS_SIDE)
  expect(layout.pixelWidth).toBe(Math.round(POSTER_WIDTH * layout.scale))
})

test('a content poster without a sharer: no price, no avatar, a shorter invitation; a long name is cut to its room', () => {
  const plain = posterLayout({ title: '夏日亚麻', hasAvatar: false, pixelRatio: 2 }, em)
  expect(plain.price).toBeUndefined()
  expect(plain.avatar).toBeUndefined()
  expect(plain.sharerName).toBeUndefined()
  expect(plain.invite.text).toBe('扫码查看详情')
  expect(plain.titleLines).toEqual([{ text: '夏日亚麻', x: 16, y: 298 }])
  expect(plain.scale).toBe(2)

  const named = posterLayout({ title: '夏日亚麻', sharerName: '一个名字非常非常非常长的分享人', hasAvatar: false, pixelRatio: 2 }, em)
  expect(named.sharerName!.text.endsWith('…')).toBe(true)
  expect(named.sharerName!.x + em(named.sharerName!.text, named.sharerName!.font)).toBeLessThanOrEqual(named.code.x - 12)
})

test('the approximate measure counts CJK a full em and Latin 0.6 em', () => {
  expect(approxMeasure('夏日', 'bold 16px sans-serif')).toBe(32)
  expect(approxMeasure('ab', '10px sans-serif')).toBe(12)
})

test('closing punctuation never starts a line: the character before it moves down too', () => {
  const w = (t: string) => Array.from(t).length * 10
  expect(wrapText('一二三四五，六七', 50, 3, w)).toEqual(['一二三四', '五，六七'])
})
