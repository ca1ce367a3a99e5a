/**
 * Wider pictures for content pages, 750 px wide like the app's design width:
 * heroes (750 × 880, the hero block's frame), image blocks (750 × 500) and
 * the video poster and frames (16:9). Each is a backdrop plus catalog pieces.
 */
import { Canvas, darken, lighten, linear, mix, placed, type Rgb, type Surface } from './canvas'
import { branch } from './motifs'
import { PALETTE } from './palette'
import { DRAWINGS, shadow, type ArtKind } from './product-photo'
import { circle, ellipse, polygon, roundRect, segment } from './shapes'

export type SceneName =
  | 'linen-hero'
  | 'tea-hero'
  | 'home-hero'
  | 'linen-detail'
  | 'mug-trio'
  | 'home-corner'
  | 'studio-wide'
  | 'video-linen'
  | 'video-home'

export const SCENE_SIZES: Record<SceneName, readonly [number, number]> = {
  'linen-hero': [750, 880],
  'tea-hero': [750, 880],
  'home-hero': [750, 880],
  'linen-detail': [750, 500],
  'mug-trio': [750, 500],
  'home-corner': [750, 500],
  'studio-wide': [750, 422],
  'video-linen': [750, 422],
  'video-home': [750, 422]
}

/** A catalog piece whose floor sits at (x, floorY), at scale s of its 600-unit photo. */
function put(canvas: Surface, kind: ArtKind, colour: Rgb, x: number, floorY: number, s: number, standing = true): void {
  const pen = placed(canvas, x - 300 * s, floorY - 500 * s, s)
  if (standing) shadow(pen)
  DRAWINGS[kind](pen, colour)
}

/** Wall above `horizon`, table below, in two gradients. */
function room(canvas: Surface, wall: Rgb, table: Rgb, horizon: number): void {
  const h = canvas.height
  canvas.fill((_x, y) => (y < horizon ? mix(lighten(wall, 0.35), wall, y / horizon) : mix(table, darken(table, 0.14), (y - horizon) / (h - horizon))))
  canvas.draw(roundRect(canvas.width / 2, horizon, canvas.width, 6), darken(table, 0.06), { soft: 24, opacity: 0.7 })
}

const DRAW: Record<SceneName, (c: Surface) => void> = {
  'linen-hero'(c) {
    c.fill(linear(lighten(PALETTE.blush, 0.45), PALETTE.cream, 0, 0, 0, 620))
    c.draw(circle(560, 190, 96), lighten(PALETTE.blush, 0.2), { soft: 6 })
    c.draw(ellipse(120, 760, 420, 230), lighten(PALETTE.sage, 0.25))
    c.draw(ellipse(650, 800, 460, 260), PALETTE.sage)
    c.draw(ellipse(360, 930, 620, 250), mix(PALETTE.sage, PALETTE.pine, 0.45))
    // Hung on a line: the shirt's shoulders and the skirt's waistband meet it, pegged.
    const line = (x: number) => 126 + x * 0.04
    c.draw(segment([-10, line(-10)], [760, line(760)], 2), darken(PALETTE.clay, 0.3))
    put(c, 'shirt', PALETTE.oat, 250, line(250) + 8 + 372 * 0.9, 0.9, false)
    put(c, 'skirt', PALETTE.mist, 545, line(545) + 6 + 362 * 0.72, 0.72, false)
    for (const x of [172, 328, 482, 608]) c.draw(roundRect(x, line(x) + 6, 5, 16, 2), PALETTE.clay)
  },
  'tea-hero'(c) {
    c.fill(linear(lighten(PALETTE.mist, 0.6), PALETTE.paper, 0, 0, 0, 560))
    c.draw(ellipse(200, 520, 330, 240), mix(PALETTE.mist, PALETTE.paper, 0.45), { soft: 30 })
    c.draw(ellipse(600, 560, 300, 300), mix(PALETTE.indigo, PALETTE.paper, 0.55), { soft: 30 })
    c.draw(roundRect(375, 560, 420, 60), PALETTE.paper, { soft: 90, opacity: 0.85 })
    c.draw(roundRect(375, 790, 420, 190), linear(darken(PALETTE.clay, 0.1), darken(PALETTE.clay, 0.45), 0, 600, 0, 880))
    branch(c, [690, 770], [600, 700], 36)
    put(c, 'tea-set', PALETTE.milk, 360, 690, 0.95)
  },
  'home-hero'(c) {
    room(c, PALETTE.oat, mix(PALETTE.clay, PALETTE.paper, 0.35), 560)
    c.draw(roundRect(430, 250, 190, 210, 8), lighten(PALETTE.paper, 0.4))
    c.draw(segment([430, 40], [430, 460], 6), darken(PALETTE.oat, 0.1))
    c.draw(segment([240, 250], [620, 250], 6), darken(PALETTE.oat, 0.1))
    c.draw(polygon([[250, 460], [620, 460], [740, 880], [60, 880]]), [255, 250, 236], { soft: 90, opacity: 0.35 })
    put(c, 'vase', PALETTE.celadon, 250, 690, 0.8)
    put(c, 'candle', PALETTE.camellia, 520, 700, 0.55)
  },
  'linen-detail'(c) {
    room(c, PALETTE.cream, mix(PALETTE.oat, PALETTE.paper, 0.3), 300)
    put(c, 'towels', PALETTE.sage, 230, 430, 0.62)
    put(c, 'tote', PALETTE.natural, 540, 440, 0.66)
  },
  'mug-trio'(c) {
    room(c, mix(PALETTE.celadon, PALETTE.paper, 0.6), mix(PALETTE.clay, PALETTE.paper, 0.45), 300)
    put(c, 'mug', PALETTE.milk, 160, 420, 0.55)
    put(c, 'mug', PALETTE.celadon, 375, 440, 0.62)
    put(c, 'mug', PALETTE.charcoal, 590, 420, 0.55)
  },
  'home-corner'(c) {
    room(c, mix(PALETTE.blush, PALETTE.paper, 0.4), mix(PALETTE.oat, PALETTE.paper, 0.2), 280)
    put(c, 'cushion', PALETTE.mist, 210, 440, 0.62)
    put(c, 'soap', PALETTE.blush, 440, 450, 0.45)
    put(c, 'candle', PALETTE.pine, 620, 445, 0.45)
  },
  'studio-wide'(c) {
    room(c, PALETTE.cream, mix(PALETTE.clay, PALETTE.paper, 0.4), 250)
    put(c, 'vase', PALETTE.charcoal, 190, 370, 0.55)
    put(c, 'tea-set', PALETTE.celadon, 420, 380, 0.5)
    put(c, 'mug', PALETTE.camellia, 620, 370, 0.4)
  },
  'video-linen'(c) {
    room(c, mix(PALETTE.sage, PALETTE.paper, 0.55), mix(PALETTE.oat, PALETTE.paper, 0.35), 250)
    put(c, 'shirt', PALETTE.mist, 210, 380, 0.55)
    put(c, 'skirt', PALETTE.indigo, 420, 380, 0.5)
    put(c, 'tote', PALETTE.natural, 610, 385, 0.45)
  },
  'video-home'(c) {
    room(c, mix(PALETTE.blush, PALETTE.paper, 0.5), mix(PALETTE.clay, PALETTE.paper, 0.5), 240)
    put(c, 'cushion', PALETTE.oat, 200, 380, 0.5)
    put(c, 'towels', PALETTE.blush, 420, 385, 0.45)
    put(c, 'candle', PALETTE.camellia, 610, 380, 0.42)
  }
}

/** Draws a scene on any surface at least its size; extra width and height show more of its backdrop. */
export function drawScene(name: SceneName, surface: Surface): void {
  DRAW[name](surface)
}

export function sceneCanvas(name: SceneName): Canvas {
  const [w, h] = SCENE_SIZES[name]
  const canvas = new Canvas(w, h)
  DRAW[name](canvas)
  return canvas
}

export function scenePng(name: SceneName): Buffer {
  return sceneCanvas(name).png()
}
