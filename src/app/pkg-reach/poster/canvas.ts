// Paints the poster and exports it as an image the page can show, save or download.
// weapp: the page's <Canvas type="2d" id="poster"> node (SelectorQuery fields
// {node, size}), images through downloadFile + canvas.createImage(), exported with
// canvasToTempFilePath({canvas}). H5: a detached <canvas>, images fetched as blobs
// (the share's code needs the shopper's token), exported as a PNG data URL.
import Taro from '@tarojs/taro'
import { platform } from '../../services/env'
import { drawPoster, type Ctx2D, type Drawable, type PosterImages } from './draw'
import type { PosterLayout } from './layout'

export const POSTER_CANVAS_ID = 'poster'

/** An image to draw: its URL, and headers when it needs the shopper's token. */
export type Source = { url: string; header?: Record<string, string> }
export type PosterSources = { cover?: Source; avatar?: Source; code?: Source }

type WeappCanvas = {
  width: number
  height: number
  getContext(type: '2d'): Ctx2D & { scale(x: number, y: number): void }
  createImage(): { width: number; height: number; src: string; onload: (() => void) | null; onerror: ((e: unknown) => void) | null }
}

function weappNode(): Promise<WeappCanvas> {
  return new Promise((resolve, reject) => {
    Taro.createSelectorQuery()
      .select(`#${POSTER_CANVAS_ID}`)
      .fields({ node: true, size: true })
      .exec((res: Array<{ node?: WeappCanvas } | null>) => {
        const node = res?.[0]?.node
        if (node) resolve(node)
        else reject(new Error('poster canvas node not found'))
      })
  })
}

async function weappImage(canvas: WeappCanvas, source: Source): Promise<Drawable | undefined> {
  try {
    const file = await Taro.downloadFile({ url: source.url, header: source.header })
    if (file.statusCode !== 200) throw new Error(`HTTP ${file.statusCode}`)
    const image = canvas.createImage()
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve()
      image.onerror = reject
      image.src = file.tempFilePath
    })
    return { image: image as unknown as CanvasImageSource, width: image.width, height: image.height }
  } catch (e) {
    console.warn(`poster: image ${source.url} not drawn`, e)
    return undefined
  }
}

async function h5Image(source: Source): Promise<Drawable | undefined> {
  try {
    const res = await fetch(source.url, { headers: source.header })
    if (!res.ok) throw new Error(`HTTP ${res.status}`)
    const url = URL.createObjectURL(await res.blob())
    const image = new Image()
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve()
      image.onerror = reject
      image.src = url
    })
    return { image, width: image.naturalWidth, height: image.naturalHeight }
  } catch (e) {
    console.warn(`poster: image ${source.url} not drawn`, e)
    return undefined
  }
}

async function loadAll(load: (s: Source) => Promise<Drawable | undefined>, sources: PosterSources): Promise<PosterImages> {
  const [cover, avatar, code] = await Promise.all([sources.cover, sources.avatar, sources.code].map((s) => (s ? load(s) : Promise.resolve(undefined))))
  return { cover, avatar, code }
}

/** Draws the poster; resolves with a path an <Image> shows (weapp temp file, H5 data URL) and whether the code was drawn. */
export async function renderPoster(layout: PosterLayout, sources: PosterSources): Promise<{ path: string; hasCode: boolean }> {
  if (platform() === 'weapp') {
    const canvas = await weappNode()
    canvas.width = layout.pixelWidth
    canvas.height = layout.pixelHeight
    const ctx = canvas.getContext('2d')
    ctx.scale(layout.scale, layout.scale)
    const images = await loadAll((s) => weappImage(canvas, s), sources)
    drawPoster(ctx, layout, images)
    const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: canvas as unknown as Taro.Canvas, fileType: 'png' })
    return { path: tempFilePath, hasCode: Boolean(images.code) }
  }
  const canvas = document.createElement('canvas')
  canvas.width = layout.pixelWidth
  canvas.height = layout.pixelHeight
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('no 2d canvas in this browser')
  ctx.scale(layout.scale, layout.scale)
  const images = await loadAll(h5Image, sources)
  drawPoster(ctx, layout, images)
  return { path: canvas.toDataURL('image/png'), hasCode: Boolean(images.code) }
}

/** Approximate text width for layout before any canvas exists: CJK and wide characters a full em, others 0.6 em (on the safe side). */
export function approxMeasure(text: string, font: string): number {
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 14)
  let w = 0
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) > 0x2e80 ? size : size * 0.6
  return w
}

/** The screen's device pixel ratio (the canvas is drawn at most this sharp). */
export function pixelRatio(): number {
  if (platform() === 'weapp') {
    const t = Taro as unknown as { getWindowInfo?: () => { pixelRatio: number } }
    return t.getWindowInfo ? t.getWindowInfo().pixelRatio : Taro.getSystemInfoSync().pixelRatio
  }
  return typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1
}
