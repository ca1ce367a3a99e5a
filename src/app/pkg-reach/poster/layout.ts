// The poster's layout, in logical pixels (pure: tested without a canvas). The canvas is
// drawn at `scale` device pixels per logical pixel, capped so neither side exceeds
// WeChat's Canvas 2D limit of 1365 px (bigger canvases fail or crash on Android).

export const POSTER_WIDTH = 300
export const MAX_CANVAS_SIDE = 1365

export type Rect = { x: number; y: number; w: number; h: number }
export type TextLine = { text: string; x: number; y: number }

export type PosterInput = {
  title: string
  /** "¥59" / "¥59 起" for products; absent for content pages. */
  price?: string
  /** The sharer's name (their profile); the avatar is drawn only with a name or an image. */
  sharerName?: string
  hasAvatar: boolean
  /** Device pixel ratio of the screen. */
  pixelRatio: number
}

export type PosterLayout = {
  width: number
  height: number
  /** Device pixels per logical pixel (≤ pixelRatio, within MAX_CANVAS_SIDE). */
  scale: number
  pixelWidth: number
  pixelHeight: number
  cover: Rect
  titleFont: string
  titleLines: TextLine[]
  price?: TextLine & { font: string }
  avatar?: Rect
  sharerName?: TextLine & { font: string }
  invite: TextLine & { font: string }
  code: Rect
  codeHint: TextLine & { font: string }
}

/** Measures a text's width in logical pixels with a given font (the canvas's measureText). */
export type Measure = (text: string, font: string) => number

const PAD = 16
const TITLE_SIZE = 16
const TITLE_LINE = 22
const CODE_SIZE = 88
const AVATAR_SIZE = 36

const CLOSING = new Set(Array.from('，。、；：！？）」』》〉…,.;:!?)'))

export const font = (size: number, bold = false) => `${bold ? 'bold ' : ''}${size}px sans-serif`

/** Breaks `text` into at most `maxLines` lines of `maxWidth`; the last line ends in … when cut. */
export function wrapText(text: string, maxWidth: number, maxLines: number, measure: (t: string) => number): string[] {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim())
  const lines: string[] = []
  let line = ''
  for (let i = 0; i < chars.length; i++) {
    const next = line + chars[i]
    if (measure(next) <= maxWidth || line === '') {
      line = next
      continue
    }
    if (lines.length === maxLines - 1) {
      // The last line: keep what fits with the ellipsis.
      let cut = line
      while (cut.length > 0 && measure(`${cut}…`) > maxWidth) cut = cut.slice(0, -1)
      lines.push(`${cut}…`)
      return lines
    }
    // Closing punctuation never starts a line: the last character moves down with it.
    if (CLOSING.has(chars[i]) && Array.from(line).length > 1) {
      const kept = Array.from(line)
      const moved = kept.pop() ?? ''
      lines.push(kept.join(''))
      line = moved + chars[i]
    } else {
      lines.push(line)
      line = chars[i]
    }
  }
  if (line) lines.push(line)
  return lines
}

/** Device pixels per logical pixel: the screen's ratio, lowered until both sides fit the canvas limit. */
export function canvasScale(width: number, height: number, pixelRatio: number, maxSide = MAX_CANVAS_SIDE): number {
  const ratio = Math.max(1, pixelRatio || 1)
  const fit = Math.min(maxSide / width, maxSide / height)
  return Math.floor(Math.min(ratio, fit) * 100) / 100
}

/** The part of an image that fills a box without distortion (like mode="aspectFill"): centred crop. */
export function coverCrop(imageW: number, imageH: number, boxW: number, boxH: number): Rect {
  if (imageW <= 0 || imageH <= 0) return { x: 0, y: 0, w: imageW, h: imageH }
  const box = boxW / boxH
  const image = imageW / imageH
  if (image > box) {
    const w = imageH * box
    return { x: (imageW - w) / 2, y: 0, w, h: imageH }
  }
  const h = imageW / box
  return { x: 0, y: (imageH - h) / 2, w: imageW, h }
}

export function posterLayout(input: PosterInput, measure: Measure): PosterLayout {
  const width = POSTER_WIDTH
  const inner = width - PAD * 2
  const cover: Rect = { x: PAD, y: PAD, w: inner, h: inner }
  let y = cover.y + cover.h + 14
  const titleFont = font(TITLE_SIZE, true)
  const titleLines = wrapText(input.title, inner, 2, (t) => measure(t, titleFont)).map((text, i) => ({ text, x: PAD, y: y + i * TITLE_LINE }))
  y += Math.max(1, titleLines.length) * TITLE_LINE
  let price: PosterLayout['price']
  if (input.price) {
    price = { text: input.price, x: PAD, y: y + 4, font: font(20, true) }
    y += 30
  }
  // The foot: the sharer on the left, the code on the right.
  const footTop = y + 12
  const code: Rect = { x: width - PAD - CODE_SIZE, y: footTop, w: CODE_SIZE, h: CODE_SIZE }
  const codeHint = { text: '长按识别小程序码', x: code.x + code.w / 2, y: code.y + code.h + 6, font: font(10) }
  const leftW = code.x - PAD - 12
  let avatar: Rect | undefined
  let sharerName: PosterLayout['sharerName']
  const showSharer = Boolean(input.sharerName) || input.hasAvatar
  let textX = PAD
  let textY = footTop + 8
  if (showSharer) {
    if (input.hasAvatar) {
      avatar = { x: PAD, y: footTop + 6, w: AVATAR_SIZE, h: AVATAR_SIZE }
      textX = PAD + AVATAR_SIZE + 8
    }
    const nameFont = font(13, true)
    const name = wrapText(input.sharerName || '好友', leftW - (textX - PAD), 1, (t) => measure(t, nameFont))[0] ?? ''
    sharerName = { text: name, x: textX, y: footTop + 8, font: nameFont }
    textY = footTop + 28
  }
  const inviteFont = font(12)
  const invite = { text: wrapText(showSharer ? '推荐给你，扫码查看' : '扫码查看详情', leftW - (textX - PAD), 1, (t) => measure(t, inviteFont))[0] ?? '', x: textX, y: textY, font: inviteFont }
  const height = Math.ceil(codeHint.y + 12 + PAD)
  const scale = canvasScale(width, height, input.pixelRatio)
  return {
    width,
    height,
    scale,
    pixelWidth: Math.round(width * scale),
    pixelHeight: Math.round(height * scale),
    cover,
    titleFont,
    titleLines,
    ...(price ? { price } : {}),
    ...(avatar ? { avatar } : {}),
    ...(sharerName ? { sharerName } : {}),
    invite,
    code,
    codeHint
  }
}
