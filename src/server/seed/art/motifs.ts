/** The brand's recurring motifs: the camellia flower and its leaves, drawn with any pen. */
import { darken, lighten, type Pen } from './canvas'
import { PALETTE } from './palette'
import { circle, ellipse, rotate, segment, type Point } from './shapes'

// NOTE: Math's functions are read once: under jest every global lookup goes through the
// test context's interceptor, which made per-pixel code ~30× slower.
const { PI, cos, max, sin } = Math

export function camellia(pen: Pen, cx: number, cy: number, r: number, petal = PALETTE.camellia): void {
  for (let i = 0; i < 5; i++) {
    const a = (i / 5) * PI * 2 - PI / 2
    const p = circle(cx + cos(a) * r * 0.5, cy + sin(a) * r * 0.5, r * 0.52)
    pen.draw(p, darken(petal, 0.18))
    pen.draw(circle(cx + cos(a) * r * 0.47, cy + sin(a) * r * 0.47, r * 0.47), lighten(petal, (i % 2) * 0.08))
  }
  pen.draw(circle(cx, cy, r * 0.36), lighten(petal, 0.12))
  pen.draw(circle(cx, cy, r * 0.2), PALETTE.pollen)
}

export function leaf(pen: Pen, cx: number, cy: number, length: number, angle: number, colour = PALETTE.leaf): void {
  pen.draw(rotate(ellipse(cx, cy, length, length * 0.38), angle, cx, cy), colour)
  const dx = cos(angle) * length * 0.85
  const dy = sin(angle) * length * 0.85
  pen.draw(segment([cx - dx, cy - dy], [cx + dx, cy + dy], max(0.8, length * 0.025)), lighten(colour, 0.25), { opacity: 0.7 })
}

/** A camellia branch from `base` to the flower at `tip`, with two leaves. */
export function branch(pen: Pen, base: Point, tip: Point, r: number): void {
  pen.draw(segment(base, tip, r * 0.1), darken(PALETTE.clay, 0.35))
  const mx = (base[0] + tip[0]) / 2
  const my = (base[1] + tip[1]) / 2
  leaf(pen, mx - r * 0.55, my + r * 0.1, r * 0.75, 0.5)
  leaf(pen, mx + r * 0.6, my - r * 0.25, r * 0.7, -0.6, PALETTE.pine)
  camellia(pen, tip[0], tip[1], r)
}
