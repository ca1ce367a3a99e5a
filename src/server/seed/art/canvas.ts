/**
 * A small software canvas for the demo art: shapes (shapes.ts) are blended
 * onto an RGB buffer with coverage from their signed distance, so edges are
 * anti-aliased and `soft` turns the same shape into a shadow or a glow.
 */
import { encodePng } from './png'
import type { Shape } from './shapes'

// NOTE: Math's functions are read once: under jest every global lookup goes through the
// test context's interceptor, which made per-pixel code ~30× slower.
const { ceil, exp, floor, max, min, round, sqrt } = Math

export type Rgb = readonly [number, number, number]
export type Paint = Rgb | ((x: number, y: number) => Rgb)

export interface DrawOptions {
  /** Edge width in pixels: 1 is a crisp anti-aliased edge, 40 a soft shadow. */
  soft?: number
  /** 0..1 */
  opacity?: number
}

export function hex(value: string): Rgb {
  const n = Number.parseInt(value.replace('#', ''), 16)
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff]
}

export function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t]
}

export const lighten = (c: Rgb, t: number): Rgb => mix(c, [255, 255, 255], t)
export const darken = (c: Rgb, t: number): Rgb => mix(c, [0, 0, 0], t)

/** A linear gradient from c0 at (x0, y0) to c1 at (x1, y1). */
export function linear(c0: Rgb, c1: Rgb, x0: number, y0: number, x1: number, y1: number): Paint {
  const dx = x1 - x0
  const dy = y1 - y0
  const len2 = dx * dx + dy * dy || 1
  return (x, y) => mix(c0, c1, min(1, max(0, ((x - x0) * dx + (y - y0) * dy) / len2)))
}

/** A radial gradient from c0 in the middle to c1 at radius r. */
export function radial(c0: Rgb, c1: Rgb, cx: number, cy: number, r: number): Paint {
  return (x, y) => mix(c0, c1, min(1, sqrt((x - cx) ** 2 + (y - cy) ** 2) / r))
}

/** Round-object light between x0 and x1: a highlight left of centre, falling off to the right edge. */
export function cylinder(base: Rgb, x0: number, x1: number, strength = 1): Paint {
  return (x) => {
    const t = (x - x0) / (x1 - x0 || 1)
    const light = 0.32 * exp(-(((t - 0.3) / 0.16) ** 2)) * strength
    const dark = 0.28 * max(0, t - 0.45) ** 1.5 * strength + 0.1 * max(0, 0.12 - t) * strength
    return darken(lighten(base, light), dark)
  }
}

export class Canvas implements Surface {
  private readonly px: Float32Array

  constructor(
    readonly width: number,
    readonly height: number
  ) {
    this.px = new Float32Array(width * height * 3)
  }

  fill(paint: Paint): void {
    for (let y = 0; y < this.height; y++) {
      for (let x = 0; x < this.width; x++) this.put(x, y, paint, 1)
    }
  }

  draw(shape: Shape, paint: Paint, opts: DrawOptions = {}): void {
    const soft = max(1, opts.soft ?? 1)
    const opacity = opts.opacity ?? 1
    const pad = soft
    const x0 = max(0, floor(shape.box[0] - pad))
    const y0 = max(0, floor(shape.box[1] - pad))
    const x1 = min(this.width, ceil(shape.box[2] + pad))
    const y1 = min(this.height, ceil(shape.box[3] + pad))
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const d = shape.sdf(x + 0.5, y + 0.5)
        if (d >= soft / 2) continue
        let t = min(1, max(0, 0.5 - d / soft))
        if (soft > 1) t = t * t * (3 - 2 * t)
        this.put(x, y, paint, t * opacity)
      }
    }
  }

  private put(x: number, y: number, paint: Paint, alpha: number): void {
    if (alpha <= 0) return
    const c = typeof paint === 'function' ? paint(x + 0.5, y + 0.5) : paint
    const i = (y * this.width + x) * 3
    const px = this.px
    px[i] = px[i]! + (c[0] - px[i]!) * alpha
    px[i + 1] = px[i + 1]! + (c[1] - px[i + 1]!) * alpha
    px[i + 2] = px[i + 2]! + (c[2] - px[i + 2]!) * alpha
  }

  /** 8-bit RGB bytes, row by row (for PNG, or for the video's frames). */
  rgb(): Uint8Array {
    const out = new Uint8Array(this.px.length)
    for (let i = 0; i < out.length; i++) out[i] = max(0, min(255, round(this.px[i]!)))
    return out
  }

  png(): Buffer {
    return encodePng(this.width, this.height, this.rgb())
  }
}

/** Where a drawing goes: a canvas, or a placed region of one (see `placed`). */
export interface Pen {
  draw(shape: Shape, paint: Paint, opts?: DrawOptions): void
}

/** A whole picture to compose on, in its own units (see `scaled`). */
export interface Surface extends Pen {
  readonly width: number
  readonly height: number
  fill(paint: Paint): void
}

/**
 * A pen that draws in a design space mapped onto `target` with its origin
 * at (ox, oy) and scale s: one product drawing (600 × 600 units) serves the
 * product photo, a hero and a video frame.
 */
export function placed(target: Pen, ox: number, oy: number, s: number): Pen {
  return {
    draw(shape, paint, opts = {}) {
      const [bx0, by0, bx1, by1] = shape.box
      target.draw(
        {
          sdf: (x, y) => s * shape.sdf((x - ox) / s, (y - oy) / s),
          box: [ox + bx0 * s, oy + by0 * s, ox + bx1 * s, oy + by1 * s]
        },
        typeof paint === 'function' ? (x, y) => paint((x - ox) / s, (y - oy) / s) : paint,
        // A crisp edge stays one pixel wide at any scale; soft edges scale with the drawing.
        { ...opts, soft: opts.soft === undefined || opts.soft <= 1 ? 1 : max(1, opts.soft * s) }
      )
    }
  }
}

/** `canvas` seen as a surface 1/s times its pixel size: a 750-unit scene drawn into fewer pixels. */
export function scaled(canvas: Canvas, s: number): Surface {
  const pen = placed(canvas, 0, 0, s)
  return {
    width: canvas.width / s,
    height: canvas.height / s,
    draw: (shape, paint, opts) => pen.draw(shape, paint, opts),
    fill: (paint) => canvas.fill(typeof paint === 'function' ? (x, y) => paint(x / s, y / s) : paint)
  }
}
