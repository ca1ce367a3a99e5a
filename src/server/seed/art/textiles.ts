/** Linen and cotton pieces in the 600 × 600 design space, resting on a floor near y = 500. */
import { cylinder, darken, lighten, linear, type Pen, type Rgb } from './canvas'
import { camellia } from './motifs'
import { circle, ellipse, grow, halfPlane, intersect, outline, polygon, roundRect, segment } from './shapes'

// NOTE: Math's functions are read once: under jest every global lookup goes through the
// test context's interceptor, which made per-pixel code ~30× slower.
const { sqrt } = Math

export function shirt(pen: Pen, colour: Rgb): void {
  const body = grow(
    polygon([
      [208, 150], [264, 128], [336, 128], [392, 150], [468, 222], [436, 292], [394, 256],
      [396, 470], [300, 482], [204, 470], [206, 256], [164, 292], [132, 222]
    ]),
    4
  )
  pen.draw(body, linear(lighten(colour, 0.1), darken(colour, 0.1), 140, 130, 460, 480))
  pen.draw(outline(body, 2), darken(colour, 0.2), { opacity: 0.5 })
  // Cuffs and hem: a band of the same cloth, folded.
  pen.draw(segment([140, 236], [170, 282], 5), darken(colour, 0.12), { opacity: 0.6 })
  pen.draw(segment([460, 236], [430, 282], 5), darken(colour, 0.12), { opacity: 0.6 })
  pen.draw(ellipse(300, 140, 38, 16), darken(colour, 0.3))
  pen.draw(roundRect(300, 320, 8, 158, 3), darken(colour, 0.07))
  for (const y of [200, 250, 300, 350, 400, 448]) pen.draw(circle(300, y, 5), lighten(colour, 0.45))
  pen.draw(outline(roundRect(250, 238, 30, 34, 5), 2.5), darken(colour, 0.16), { opacity: 0.8 })
  for (const flap of [
    [[262, 124], [300, 182], [284, 198], [244, 152]],
    [[338, 124], [300, 182], [316, 198], [356, 152]]
  ] as const) {
    const collar = polygon(flap)
    pen.draw(collar, lighten(colour, 0.16))
    pen.draw(outline(collar, 1.6), darken(colour, 0.2), { opacity: 0.6 })
  }
}

export function skirt(pen: Pen, colour: Rgb): void {
  const body = grow(polygon([[208, 172], [392, 172], [452, 462], [300, 476], [148, 462]]), 4)
  pen.draw(body, linear(lighten(colour, 0.12), darken(colour, 0.12), 150, 170, 450, 470))
  for (const [top, bottom] of [[250, 212], [300, 300], [350, 388]] as const) {
    pen.draw(segment([top, 186], [bottom, 462], 1.6), darken(colour, 0.16), { soft: 4, opacity: 0.7 })
  }
  pen.draw(roundRect(300, 158, 102, 20, 6), darken(colour, 0.12))
  pen.draw(circle(372, 158, 6), lighten(colour, 0.4))
}

export function tote(pen: Pen, colour: Rgb): void {
  for (const x of [250, 350]) {
    pen.draw(intersect(outline(ellipse(x, 262, 38, 112), 14), halfPlane(262, 'above')), darken(colour, 0.1))
  }
  const body = grow(polygon([[188, 262], [412, 262], [428, 486], [172, 486]]), 6)
  pen.draw(body, cylinder(colour, 166, 434, 0.6))
  pen.draw(intersect(body, halfPlane(292, 'above')), darken(colour, 0.08))
  pen.draw(outline(grow(body, -14), 1.5), darken(colour, 0.18), { opacity: 0.5 })
  camellia(pen, 300, 392, 30)
}

/** Three folded towels, each with a woven border near one end. */
export function towels(pen: Pen, colour: Rgb): void {
  const layers = [
    { y: 440, hw: 175, c: darken(colour, 0.06) },
    { y: 364, hw: 165, c: colour },
    { y: 288, hw: 155, c: lighten(colour, 0.06) }
  ]
  for (const { y, hw, c } of layers) {
    const towel = roundRect(300, y, hw, 40, 18)
    pen.draw(towel, linear(lighten(c, 0.1), darken(c, 0.08), 300, y - 40, 300, y + 40))
    pen.draw(intersect(towel, roundRect(300 + hw - 58, y, 14, 60)), darken(c, 0.14))
    pen.draw(segment([300 - hw + 24, y - 30], [300 + hw - 24, y - 30], 2), lighten(c, 0.3), { soft: 3, opacity: 0.8 })
  }
}

export function cushion(pen: Pen, colour: Rgb): void {
  const body = roundRect(300, 300, 176, 162, 64)
  pen.draw(body, (x, y) => lighten(darken(colour, sqrt((x - 300) ** 2 + (y - 300) ** 2) / 1400), 0.1 - (y - 140) / 3200))
  pen.draw(outline(grow(body, -18), 2), darken(colour, 0.14), { opacity: 0.55 })
  pen.draw(circle(300, 300, 10), darken(colour, 0.22))
}
