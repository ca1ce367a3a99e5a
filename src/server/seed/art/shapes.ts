/**
 * Shapes as signed distance functions (negative inside, in pixels) with a
 * bounding box, so the canvas only visits pixels a shape can touch. Signed
 * distances give anti-aliased edges and soft shadows from the same shape.
 */
// NOTE: Math's functions are read once: under jest every global lookup goes through the
// test context's interceptor, which made per-pixel code ~30× slower.
const { abs, cos, max, min, sin, sqrt } = Math

export type Box = readonly [x0: number, y0: number, x1: number, y1: number]
export interface Shape {
  sdf(x: number, y: number): number
  box: Box
}
export type Point = readonly [number, number]

const clamp = (v: number, lo: number, hi: number) => (v < lo ? lo : v > hi ? hi : v)
// NOTE: Math.hypot is several times slower than sqrt in V8, and this runs per pixel.
const len = (x: number, y: number) => sqrt(x * x + y * y)

export function circle(cx: number, cy: number, r: number): Shape {
  return { sdf: (x, y) => len(x - cx, y - cy) - r, box: [cx - r, cy - r, cx + r, cy + r] }
}

/** Inigo Quilez's ellipse approximation: close to exact near the edge, which is all the anti-aliasing needs. */
export function ellipse(cx: number, cy: number, rx: number, ry: number): Shape {
  return {
    sdf: (x, y) => {
      const px = (x - cx) / rx
      const py = (y - cy) / ry
      const k0 = len(px, py)
      const k1 = len(px / rx, py / ry)
      return k1 === 0 ? -min(rx, ry) : (k0 * (k0 - 1)) / k1
    },
    box: [cx - rx, cy - ry, cx + rx, cy + ry]
  }
}

/** A rectangle centred at (cx, cy) with half sizes hw × hh and corner radius r. */
export function roundRect(cx: number, cy: number, hw: number, hh: number, r = 0): Shape {
  return {
    sdf: (x, y) => {
      const qx = abs(x - cx) - hw + r
      const qy = abs(y - cy) - hh + r
      return len(max(qx, 0), max(qy, 0)) + min(max(qx, qy), 0) - r
    },
    box: [cx - hw, cy - hh, cx + hw, cy + hh]
  }
}

/** Exact distance to a closed polygon (Quilez), sign by crossing count. */
export function polygon(points: readonly Point[]): Shape {
  const xs = points.map((p) => p[0])
  const ys = points.map((p) => p[1])
  return {
    sdf: (x, y) => {
      const [fx, fy] = points[0]!
      let d = (x - fx) ** 2 + (y - fy) ** 2
      let s = 1
      for (let i = 0, j = points.length - 1; i < points.length; j = i, i++) {
        const [vix, viy] = points[i]!
        const [vjx, vjy] = points[j]!
        const ex = vjx - vix
        const ey = vjy - viy
        const wx = x - vix
        const wy = y - viy
        const t = clamp((wx * ex + wy * ey) / (ex * ex + ey * ey), 0, 1)
        const bx = wx - ex * t
        const by = wy - ey * t
        d = min(d, bx * bx + by * by)
        const c1 = y >= viy
        const c2 = y < vjy
        const c3 = ex * wy > ey * wx
        if ((c1 && c2 && c3) || (!c1 && !c2 && !c3)) s = -s
      }
      return s * sqrt(d)
    },
    box: [min(...xs), min(...ys), max(...xs), max(...ys)]
  }
}

/** A thick stroke from a to b with round caps. */
export function segment(a: Point, b: Point, halfWidth: number): Shape {
  const [ax, ay] = a
  const [bx, by] = b
  const ex = bx - ax
  const ey = by - ay
  const len2 = ex * ex + ey * ey
  return {
    sdf: (x, y) => {
      const t = len2 === 0 ? 0 : clamp(((x - ax) * ex + (y - ay) * ey) / len2, 0, 1)
      return len(x - ax - ex * t, y - ay - ey * t) - halfWidth
    },
    box: [min(ax, bx) - halfWidth, min(ay, by) - halfWidth, max(ax, bx) + halfWidth, max(ay, by) + halfWidth]
  }
}

export function union(...shapes: Shape[]): Shape {
  return {
    sdf: (x, y) => {
      let d = Infinity
      for (const s of shapes) d = min(d, s.sdf(x, y))
      return d
    },
    box: [
      min(...shapes.map((s) => s.box[0])),
      min(...shapes.map((s) => s.box[1])),
      max(...shapes.map((s) => s.box[2])),
      max(...shapes.map((s) => s.box[3]))
    ]
  }
}

/** Union with a rounded seam of about k pixels, for organic outlines (a vase's neck). */
export function smoothUnion(a: Shape, b: Shape, k: number): Shape {
  return {
    sdf: (x, y) => {
      const da = a.sdf(x, y)
      const db = b.sdf(x, y)
      const h = clamp(0.5 + (0.5 * (db - da)) / k, 0, 1)
      return db * (1 - h) + da * h - k * h * (1 - h)
    },
    box: union(a, b).box
  }
}

export function subtract(a: Shape, b: Shape): Shape {
  return { sdf: (x, y) => max(a.sdf(x, y), -b.sdf(x, y)), box: a.box }
}

export function intersect(a: Shape, b: Shape): Shape {
  return {
    sdf: (x, y) => max(a.sdf(x, y), b.sdf(x, y)),
    box: [max(a.box[0], b.box[0]), max(a.box[1], b.box[1]), min(a.box[2], b.box[2]), min(a.box[3], b.box[3])]
  }
}

/** The outline of a shape as a band `width` wide (a seam, a rim, a handle). */
export function outline(s: Shape, width: number): Shape {
  const h = width / 2
  return { sdf: (x, y) => abs(s.sdf(x, y)) - h, box: [s.box[0] - h, s.box[1] - h, s.box[2] + h, s.box[3] + h] }
}

/** Grows (positive) or shrinks (negative) a shape; growing also rounds its corners. */
export function grow(s: Shape, by: number): Shape {
  return { sdf: (x, y) => s.sdf(x, y) - by, box: [s.box[0] - by, s.box[1] - by, s.box[2] + by, s.box[3] + by] }
}

/** The shape turned by `angle` radians around (cx, cy). */
export function rotate(s: Shape, angle: number, cx: number, cy: number): Shape {
  const c = cos(angle)
  const sn = sin(angle)
  const [x0, y0, x1, y1] = s.box
  const r = len(max(abs(x0 - cx), abs(x1 - cx)), max(abs(y0 - cy), abs(y1 - cy)))
  return {
    sdf: (x, y) => {
      const dx = x - cx
      const dy = y - cy
      return s.sdf(cx + dx * c + dy * sn, cy - dx * sn + dy * c)
    },
    box: [cx - r, cy - r, cx + r, cy + r]
  }
}

/** Everything above (y < at) or below a horizontal line. */
export function halfPlane(at: number, keep: 'above' | 'below', width = 10_000): Shape {
  return keep === 'above'
    ? { sdf: (_x, y) => y - at, box: [-width, -width, width, at] }
    : { sdf: (_x, y) => at - y, box: [-width, at, width, width] }
}
