// Draws a laid-out poster on a Canvas 2D context (WeChat's canvas node or the browser's:
// the same calls). Text is drawn with textBaseline 'top' at the layout's y.
import { coverCrop, type PosterLayout, type Rect } from './layout'

/** What both WeChat's and the browser's 2D contexts offer, as far as the poster needs. */
export type Ctx2D = Pick<
  CanvasRenderingContext2D,
  'fillStyle' | 'font' | 'textAlign' | 'textBaseline' | 'fillRect' | 'fillText' | 'save' | 'restore' | 'beginPath' | 'arc' | 'clip' | 'drawImage' | 'measureText'
>

/** An image the context can draw, with its natural size. */
export type Drawable = { image: CanvasImageSource; width: number; height: number }

export type PosterImages = { cover?: Drawable; avatar?: Drawable; code?: Drawable }

const INK = '#2b2622'
const MUTED = '#8a7f76'
const PRICE = '#c0392b'

function placeholder(ctx: Ctx2D, box: Rect) {
  ctx.fillStyle = '#ece6df'
  ctx.fillRect(box.x, box.y, box.w, box.h)
}

export function drawPoster(ctx: Ctx2D, layout: PosterLayout, images: PosterImages): void {
  ctx.fillStyle = '#fffdfa'
  ctx.fillRect(0, 0, layout.width, layout.height)
  ctx.textBaseline = 'top'
  ctx.textAlign = 'left'

  const { cover } = layout
  if (images.cover) {
    const crop = coverCrop(images.cover.width, images.cover.height, cover.w, cover.h)
    ctx.drawImage(images.cover.image, crop.x, crop.y, crop.w, crop.h, cover.x, cover.y, cover.w, cover.h)
  } else placeholder(ctx, cover)

  ctx.fillStyle = INK
  ctx.font = layout.titleFont
  for (const line of layout.titleLines) ctx.fillText(line.text, line.x, line.y)

  if (layout.price) {
    ctx.fillStyle = PRICE
    ctx.font = layout.price.font
    ctx.fillText(layout.price.text, layout.price.x, layout.price.y)
  }

  if (layout.avatar) {
    const a = layout.avatar
    ctx.save()
    ctx.beginPath()
    ctx.arc(a.x + a.w / 2, a.y + a.h / 2, a.w / 2, 0, Math.PI * 2)
    ctx.clip()
    if (images.avatar) {
      const crop = coverCrop(images.avatar.width, images.avatar.height, a.w, a.h)
      ctx.drawImage(images.avatar.image, crop.x, crop.y, crop.w, crop.h, a.x, a.y, a.w, a.h)
    } else placeholder(ctx, a)
    ctx.restore()
  }
  if (layout.sharerName) {
    ctx.fillStyle = INK
    ctx.font = layout.sharerName.font
    ctx.fillText(layout.sharerName.text, layout.sharerName.x, layout.sharerName.y)
  }
  ctx.fillStyle = MUTED
  ctx.font = layout.invite.font
  ctx.fillText(layout.invite.text, layout.invite.x, layout.invite.y)

  const { code } = layout
  if (images.code) ctx.drawImage(images.code.image, 0, 0, images.code.width, images.code.height, code.x, code.y, code.w, code.h)
  else placeholder(ctx, code)
  ctx.fillStyle = MUTED
  ctx.font = layout.codeHint.font
  ctx.textAlign = 'center'
  ctx.fillText(layout.codeHint.text, layout.codeHint.x, layout.codeHint.y)
}
