// block_view: a block of a content page came into view, once per block per page
// load. The mini-program watches the blocks' frames with Taro.createIntersectionObserver
// (page-scoped), the H5 build with the browser's IntersectionObserver (scoped to this
// page's block list: H5 keeps earlier pages of the stack in the DOM). Events go
// through the tracker's queue, so they leave in its batches.
import { useEffect, useMemo, useRef } from 'react'
import Taro from '@tarojs/taro'
import type { Block } from '@core/content'
import { platform } from '../services/env'

/** Where a tap or an add-to-cart came from: the block's index in the saved page, and its type. */
export type BlockRef = { blockIndex: number; blockType: Block['type'] }

/** Every block is drawn inside a frame with this class and the id blockFrameId(index). */
export const BLOCK_FRAME_CLASS = 'blk-frame'
export const blockFrameId = (index: number): string => `blk-${index}`
const indexOfFrame = (id: string | undefined): number | null => {
  const m = /^blk-(\d+)$/.exec(id ?? '')
  return m ? Number(m[1]) : null
}

let scopes = 0

type Options = {
  blocks: readonly Block[]
  /** indexes[i]: the saved index of blocks[i]. */
  indexes: readonly number[]
  /** False in previews and live mode: nothing is counted. */
  enabled: boolean
  onView: (block: BlockRef) => void
}

/** Returns the id to give the block list's container (the H5 observer looks inside it). */
export function useBlockViews({ blocks, indexes, enabled, onView }: Options): string {
  const scopeId = useMemo(() => `blocks-${++scopes}`, [])
  const seen = useRef(new Set<number>())
  const types = useRef(new Map<number, Block['type']>())
  const report = useRef(onView)
  report.current = onView
  types.current = new Map(blocks.map((b, i) => [indexes[i] ?? i, b.type]))
  const layout = blocks.map((b, i) => `${indexes[i] ?? i}:${b.type}`).join(',')

  useEffect(() => {
    if (!enabled || layout === '') return
    const saw = (index: number | null) => {
      if (index === null || seen.current.has(index)) return
      const blockType = types.current.get(index)
      if (!blockType) return
      seen.current.add(index)
      report.current({ blockIndex: index, blockType })
    }
    let stop = () => {}
    let cancelled = false
    if (platform() === 'weapp') {
      // After this render's setData has landed, so the frames exist to be selected.
      Taro.nextTick(() => {
        if (cancelled) return
        const page = Taro.getCurrentInstance().page
        if (!page) return
        // Analytics never break the page: a runtime without observers only loses block views.
        try {
          const observer = Taro.createIntersectionObserver(page as never, { thresholds: [0], observeAll: true })
          observer.relativeToViewport({ bottom: 0 }).observe(`.${BLOCK_FRAME_CLASS}`, (res) => {
            // WeChat's result carries the target's id (Taro's type omits it).
            const { id, intersectionRatio } = res as typeof res & { id?: string }
            if ((intersectionRatio ?? 0) > 0) saw(indexOfFrame(id))
          })
          stop = () => observer.disconnect()
        } catch (e) {
          console.warn('block views: no intersection observer here; block_view is not tracked', e)
        }
      })
    } else if (typeof IntersectionObserver === 'function') {
      const timer = setTimeout(() => {
        if (cancelled) return
        const observer = new IntersectionObserver((entries) => {
          for (const entry of entries) if (entry.isIntersecting || entry.intersectionRatio > 0) saw(indexOfFrame((entry.target as HTMLElement).id))
        })
        document.querySelectorAll(`#${scopeId} .${BLOCK_FRAME_CLASS}`).forEach((el) => observer.observe(el))
        stop = () => observer.disconnect()
      }, 0)
      stop = () => clearTimeout(timer)
    }
    return () => {
      cancelled = true
      stop()
    }
  }, [enabled, layout, scopeId])

  return scopeId
}

/**
 * A block's tap that opens the product page: the page's product_view names the
 * content page and the block (query cs, bi, bt), so the per-block report counts the tap.
 */
export function blockQuery(contentSlug: string, from: BlockRef): string {
  return `&cs=${encodeURIComponent(contentSlug)}&bi=${from.blockIndex}&bt=${encodeURIComponent(from.blockType)}`
}

/** The fields of the product page's product_view when it was opened from a block (see blockQuery). */
export function blockFromParams(params: Record<string, string | undefined>): { contentSlug?: string; props?: BlockRef } {
  const index = Number(params.bi)
  if (!params.cs || !params.bt || !Number.isInteger(index) || index < 0) return {}
  return { contentSlug: decodeURIComponent(params.cs), props: { blockIndex: index, blockType: decodeURIComponent(params.bt) as Block['type'] } }
}
