// The admin editor's live preview (src/core/live-preview.ts): the H5 content page in
// `?live=1` mode listens for drafts posted by its parent window, renders each one,
// and says LIVE_PREVIEW_READY to the parent once it listens. Only the H5 build has
// windows and frames; in the mini-program this does nothing.
import { useEffect, useRef } from 'react'
import { isLivePreviewDraft, LIVE_PREVIEW_READY, type LivePreviewDraft } from '@core/live-preview'
import { platform } from '../services/env'
import { blockFrameId } from './use-block-views'

export function useLivePreview(enabled: boolean, onDraft: (draft: LivePreviewDraft) => void): void {
  const handler = useRef(onDraft)
  handler.current = onDraft
  useEffect(() => {
    if (!enabled || platform() !== 'h5' || typeof window === 'undefined') return
    const listen = (e: MessageEvent) => {
      // Only the page that framed us speaks to the preview (the window itself when opened alone).
      if (e.source !== null && e.source !== window.parent) return
      if (isLivePreviewDraft(e.data)) handler.current(e.data)
    }
    window.addEventListener('message', listen)
    window.parent.postMessage({ type: LIVE_PREVIEW_READY }, '*')
    return () => window.removeEventListener('message', listen)
  }, [enabled])
}

/**
 * Scrolls the block the editor is on into view: its frame, or the nearest rendered
 * block before it (a half-typed block is not rendered).
 */
export function scrollToBlock(focusIndex: number, rendered: readonly number[]): void {
  if (typeof document === 'undefined') return
  const target = [...rendered].filter((i) => i <= focusIndex).pop() ?? rendered[0]
  if (target === undefined) return
  const el = document.getElementById(blockFrameId(target))
  if (el && typeof el.scrollIntoView === 'function') el.scrollIntoView({ behavior: 'smooth', block: 'start' })
}
