/** 600 × 600 "studio" photos of the catalog: a tinted backdrop, a table edge, a soft shadow, the piece. */
import { Canvas, darken, lighten, linear, mix, placed, type Pen, type Rgb } from './canvas'
import { PALETTE } from './palette'
import { ellipse, roundRect } from './shapes'
import { candle, mug, soap, teaSet, vase } from './tableware'
import { cushion, shirt, skirt, tote, towels } from './textiles'

export const DRAWINGS = {
  shirt,
  skirt,
  tote,
  towels,
  cushion,
  mug,
  'tea-set': teaSet,
  vase,
  candle,
  soap
} satisfies Record<string, (pen: Pen, colour: Rgb) => void>

export type ArtKind = keyof typeof DRAWINGS

export const PHOTO_SIZE = 600

/** The backdrop and floor shared by product photos and scenes, in the 600-unit design space. */
export function backdrop(pen: Pen, tint: Rgb, width = 600): void {
  const wall = mix(PALETTE.paper, tint, 0.22)
  pen.draw(roundRect(width / 2, 230, width / 2 + 40, 270), linear(lighten(wall, 0.3), wall, 0, 0, 0, 460))
  pen.draw(roundRect(width / 2, 560, width / 2 + 40, 120), linear(darken(wall, 0.04), darken(wall, 0.12), 0, 460, 0, 640))
  pen.draw(roundRect(width / 2, 452, width / 2 + 40, 14), darken(wall, 0.04), { soft: 30, opacity: 0.6 })
}

export function shadow(pen: Pen, cx = 300, cy = 500, rx = 175): void {
  pen.draw(ellipse(cx, cy, rx, rx * 0.15), PALETTE.ink, { soft: 44, opacity: 0.28 })
}

export function productPhoto(kind: ArtKind, colour: Rgb, tint: Rgb): Buffer {
  const canvas = new Canvas(PHOTO_SIZE, PHOTO_SIZE)
  const pen = placed(canvas, 0, 0, 1)
  backdrop(pen, tint)
  shadow(pen)
  DRAWINGS[kind](pen, colour)
  return canvas.png()
}
