/**
 * The live preview beside the form: the H5 app's own content page in a phone
 * frame (`#/pages/content/index?live=1&slug=…`), fed the draft as staff type
 * through postMessage (src/core/live-preview.ts). Nothing is saved for it. The
 * frame says LIVE_PREVIEW_READY once it listens; the first draft goes then,
 * later ones ~200 ms after the last keystroke, each with the block being edited
 * so the frame scrolls to it.
 */
import { Segmented, Space, Typography } from 'antd'
import { useEffect, useMemo, useRef, useState } from 'react'
import { LIVE_PREVIEW_MESSAGE, LIVE_PREVIEW_READY, type LivePreviewDraft } from '@core/live-preview'
import { bodyOf, type Draft } from './page-draft'

export const PHONE_SIZES = [
  { key: 'iphone-se', label: '375×667', width: 375, height: 667 },
  { key: 'iphone-14', label: '390×844', width: 390, height: 844 },
  { key: 'android', label: '360×780', width: 360, height: 780 }
] as const
export type PhoneSize = (typeof PHONE_SIZES)[number]['key']

export const LIVE_DEBOUNCE_MS = 200
/** The frame is drawn at most this tall on screen; its page still lays out at the phone's own size. */
const MAX_SHOWN_HEIGHT = 640

/** The H5 content page in live mode, on `appOrigin` (the backend serves the H5 build at `/`). */
export function livePreviewUrl(appOrigin: string, slug: string): string {
  const query = new URLSearchParams({ live: '1', slug })
  return `${appOrigin}/#/pages/content/index?${query.toString()}`
}

export function livePreviewMessage(draft: Draft, focusIndex: number | null): LivePreviewDraft {
  const body = bodyOf(draft)
  return {
    type: LIVE_PREVIEW_MESSAGE,
    page: { slug: body.slug, title: body.title, cover: body.cover, blocks: body.blocks },
    ...(focusIndex !== null ? { focusIndex } : {})
  }
}

interface Props {
  /** The saved slug: the frame's address stays put while staff edit the link name. */
  slug: string
  draft: Draft
  focusIndex: number | null
  appOrigin?: string
}

export function LivePreview({ slug, draft, focusIndex, appOrigin = window.location.origin }: Props) {
  const frame = useRef<HTMLIFrameElement>(null)
  const [size, setSize] = useState<PhoneSize>('iphone-se')
  const [ready, setReady] = useState(false)
  const src = useMemo(() => livePreviewUrl(appOrigin, slug), [appOrigin, slug])
  const origin = useMemo(() => new URL(src).origin, [src])
  const message = useMemo(() => livePreviewMessage(draft, focusIndex), [draft, focusIndex])
  const latest = useRef(message)
  latest.current = message

  // The frame's hello (again after each reload): send what the editor holds right away.
  useEffect(() => {
    const onMessage = (e: MessageEvent) => {
      const win = frame.current?.contentWindow
      if (!win || e.source !== win) return
      if ((e.data as { type?: unknown } | null)?.type !== LIVE_PREVIEW_READY) return
      setReady(true)
      win.postMessage(latest.current, origin)
    }
    window.addEventListener('message', onMessage)
    return () => window.removeEventListener('message', onMessage)
  }, [origin])

  // Later edits: one post after typing pauses.
  const first = useRef(true)
  useEffect(() => {
    if (!ready) return
    if (first.current) {
      // The hello's own post carried this draft already.
      first.current = false
      return
    }
    const timer = setTimeout(() => frame.current?.contentWindow?.postMessage(message, origin), LIVE_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [message, ready, origin])

  const phone = PHONE_SIZES.find((p) => p.key === size) ?? PHONE_SIZES[0]
  const scale = Math.min(1, MAX_SHOWN_HEIGHT / phone.height)
  const bezel = 10
  return (
    <Space direction="vertical" align="center" style={{ width: '100%' }}>
      <Segmented<PhoneSize>
        aria-label="手机尺寸"
        size="small"
        value={size}
        onChange={setSize}
        options={PHONE_SIZES.map((p) => ({ value: p.key, label: p.label }))}
      />
      <div style={{ width: (phone.width + bezel * 2) * scale, height: (phone.height + bezel * 2) * scale }}>
        <div
          data-testid="phone-frame"
          data-size={`${phone.width}x${phone.height}`}
          style={{
            width: phone.width,
            height: phone.height,
            border: `${bezel}px solid #1f1f1f`,
            borderRadius: 32,
            overflow: 'hidden',
            background: '#fff',
            boxSizing: 'content-box',
            transform: `scale(${scale})`,
            transformOrigin: 'top left'
          }}
        >
          <iframe ref={frame} title="实时预览" src={src} style={{ width: '100%', height: '100%', border: 0, display: 'block' }} />
        </div>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {ready ? '边改边看：这里显示未保存的草稿' : '预览加载中…'}
      </Typography.Text>
    </Space>
  )
}
