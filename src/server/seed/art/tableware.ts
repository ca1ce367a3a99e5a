/** Ceramics, glass and soap in the 600 × 600 design space, resting on a floor near y = 500. */
import { cylinder, darken, lighten, mix, radial, type Pen, type Rgb } from './canvas'
import { branch, camellia } from './motifs'
import { PALETTE } from './palette'
import { circle, ellipse, grow, halfPlane, intersect, outline, polygon, roundRect, segment, smoothUnion, subtract } from './shapes'

// NOTE: Math's functions are read once: under jest every global lookup goes through the
// test context's interceptor, which made per-pixel code ~30× slower.
const { PI, cos, sin } = Math

export function mug(pen: Pen, glaze: Rgb): void {
  const body = roundRect(270, 340, 96, 118, 22)
  pen.draw(subtract(outline(ellipse(370, 335, 50, 60), 20), body), cylinder(darken(glaze, 0.05), 340, 420))
  pen.draw(body, cylinder(glaze, 174, 366))
  // The foot is left unglazed, as on hand-thrown stoneware.
  pen.draw(intersect(body, halfPlane(430, 'below')), cylinder(PALETTE.clay, 174, 366, 0.7))
  pen.draw(ellipse(270, 224, 96, 18), lighten(glaze, 0.2))
  pen.draw(ellipse(270, 226, 86, 13), darken(glaze, 0.35))
}

export function teaSet(pen: Pen, glaze: Rgb): void {
  const body = ellipse(285, 360, 128, 96)
  pen.draw(subtract(outline(ellipse(410, 350, 44, 56), 16), body), darken(glaze, 0.08))
  pen.draw(grow(polygon([[190, 352], [128, 290], [114, 282], [122, 272], [142, 282], [200, 318]]), 6), cylinder(glaze, 110, 200))
  pen.draw(body, cylinder(glaze, 157, 413))
  pen.draw(roundRect(285, 452, 66, 12, 6), darken(glaze, 0.1))
  pen.draw(ellipse(285, 270, 74, 20), lighten(glaze, 0.12))
  pen.draw(circle(285, 248, 15), cylinder(lighten(glaze, 0.05), 270, 300))
  // A cup in front of the pot.
  const cup = intersect(ellipse(470, 444, 52, 46), halfPlane(444, 'below'))
  pen.draw(cup, cylinder(glaze, 418, 522))
  pen.draw(ellipse(470, 444, 52, 9), darken(glaze, 0.3))
  pen.draw(outline(ellipse(470, 444, 52, 9), 2), lighten(glaze, 0.3))
}

export function vase(pen: Pen, glaze: Rgb): void {
  branch(pen, [300, 200], [236, 76], 46)
  const body = smoothUnion(ellipse(300, 385, 104, 108), roundRect(300, 250, 32, 74, 12), 44)
  pen.draw(body, cylinder(glaze, 196, 404))
  pen.draw(ellipse(300, 180, 44, 11), lighten(glaze, 0.18))
  pen.draw(ellipse(300, 181, 30, 6), darken(glaze, 0.45))
  pen.draw(outline(ellipse(300, 420, 98, 30), 2), darken(glaze, 0.15), { soft: 3, opacity: 0.5 })
}

export function candle(pen: Pen, label: Rgb): void {
  pen.draw(circle(300, 250, 70), mix(PALETTE.pollen, [255, 255, 255], 0.5), { soft: 80, opacity: 0.45 })
  const jar = roundRect(300, 370, 104, 126, 24)
  pen.draw(jar, cylinder(mix(PALETTE.moon, [255, 255, 255], 0.3), 196, 404, 0.8), { opacity: 0.92 })
  pen.draw(roundRect(300, 404, 92, 88, 20), cylinder(PALETTE.milk, 208, 392, 0.5))
  pen.draw(intersect(jar, roundRect(300, 384, 120, 42)), cylinder(label, 196, 404, 0.7))
  camellia(pen, 300, 384, 20, lighten(label, 0.55))
  pen.draw(segment([300, 318], [300, 292], 2.5), PALETTE.ink)
  pen.draw(ellipse(300, 268, 11, 26), radial([255, 246, 214], [240, 160, 70], 300, 276, 26))
  pen.draw(outline(jar, 3), [255, 255, 255], { opacity: 0.45 })
}

export function soap(pen: Pen, colour: Rgb): void {
  const back = roundRect(330, 318, 132, 62, 36)
  pen.draw(back, darken(colour, 0.1))
  pen.draw(roundRect(330, 304, 122, 46, 30), lighten(colour, 0.05))
  const bar = roundRect(280, 402, 150, 72, 40)
  pen.draw(bar, darken(colour, 0.06))
  pen.draw(roundRect(280, 386, 140, 54, 32), lighten(colour, 0.12))
  for (let i = 0; i < 5; i++) {
    const a = (i / 5) * PI * 2 - PI / 2
    pen.draw(outline(circle(280 + cos(a) * 14, 386 + sin(a) * 14, 14), 2.2), darken(colour, 0.16), { opacity: 0.7 })
  }
}
