// H5 (Taro picks this file over use-first-screen.ts for the h5 build): a content page's first
// frame draws only the blocks that fill about the first screen; the rest follow once that
// frame is on screen. Under a slow phone CPU, creating, styling and laying out blocks nobody
// can see yet is most of the time before the first paint. Block views watch the blocks drawn.
import { useEffect, useState } from 'react'
import type { Block } from '@core/content'

// A block's rough height in design px (750 wide, blocks.css); the first frame stops past a tall phone's screen.
const HEIGHT: Partial<Record<Block['type'], number>> = {
  hero: 900,
  image: 600,
  carousel: 592,
  video: 454,
  'shop-the-look': 900,
  product: 290,
  countdown: 420,
  coupon: 260,
  text: 160,
  quote: 260,
  divider: 80
}
const FIRST_SCREEN = 1500

function heightOf(block: Block): number {
  // A grid: its title, then rows of two cards.
  if (block.type === 'product-grid') return 120 + 520 * Math.ceil(block.productIds.length / 2)
  return HEIGHT[block.type] ?? 400
}

export function firstScreenCount(blocks: readonly Block[]): number {
  let height = 0
  for (let i = 0; i < blocks.length; i++) {
    height += heightOf(blocks[i]!)
    if (height >= FIRST_SCREEN) return i + 1
  }
  return blocks.length
}

/** progressive: false draws every block at once (the editor's live preview scrolls to any block). */
export function useFirstScreen(blocks: readonly Block[], progressive: boolean): number {
  const [all, setAll] = useState(false)
  const first = firstScreenCount(blocks)
  const waiting = progressive && !all && first < blocks.length
  useEffect(() => {
    if (!waiting) return
    // After the next frame is painted: a timer set inside an animation frame runs after it.
    let timer: ReturnType<typeof setTimeout> | undefined
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setAll(true), 0)))
    return () => {
      cancelAnimationFrame(frame)
      if (timer !== undefined) clearTimeout(timer)
    }
  }, [waiting])
  return waiting ? first : blocks.length
}
