// How many of a content page's blocks to draw now. The mini-program (and tests) draw them all
// at once; the H5 build takes use-first-screen.h5.ts, which draws the first screen first.
import type { Block } from '@core/content'

export function useFirstScreen(blocks: readonly Block[], _progressive: boolean): number {
  return blocks.length
}
