/**
 * Preview the draft as shoppers would see it: the preview link from the
 * server in a phone-sized frame, and as a QR code to open on a real phone.
 * The link is short-lived; reopening the preview makes a fresh one.
 */
import { Alert, Modal, Space, Spin, Typography } from 'antd'
import QRCode from 'qrcode'
import { useEffect, useState } from 'react'
import { messageOf } from '../api/api-error'
import type { Preview } from '@core/contract/admin-pages'
import { formatTime } from '../common/format'
import { pagesApi } from './pages-api'
import { appPreviewUrl, isLoopbackUrl } from './preview-url'

export function PreviewModal({ pageId, open, onClose, beforeOpen }: { pageId: string; open: boolean; onClose: () => void; beforeOpen: () => Promise<boolean> }) {
  const [preview, setPreview] = useState<Preview | null>(null)
  const [qr, setQr] = useState<string | null>(null)
  const [frameUrl, setFrameUrl] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    if (!open) return
    let live = true
    setPreview(null)
    setQr(null)
    setError(null)
    ;(async () => {
      // NOTE: the preview shows the saved draft, so save what is on screen first.
      if (!(await beforeOpen())) throw new Error('草稿还有问题没改好，预览显示的是上次保存的内容')
    })()
      .catch((e: unknown) => live && setError(messageOf(e)))
      .then(() => pagesApi.preview(pageId))
      .then(async (p) => {
        if (!live) return
        // The frame loads from the admin's own host (always reachable from this browser); the
        // QR code carries the server's public base URL, which is what a phone can reach.
        const phoneUrl = appPreviewUrl(p.url, new URL(p.url, window.location.origin).origin)
        setPreview({ ...p, url: phoneUrl })
        setFrameUrl(appPreviewUrl(p.url, window.location.origin))
        // A loopback base (PUBLIC_BASE_URL unset on a laptop) would make a code no phone can open.
        if (!isLoopbackUrl(phoneUrl)) setQr(await QRCode.toDataURL(phoneUrl, { margin: 1, width: 200 }))
      })
      .catch((e: unknown) => live && setError(messageOf(e)))
    return () => {
      live = false
    }
  }, [open, pageId, beforeOpen])

  return (
    <Modal title="预览" open={open} onCancel={onClose} footer={null} width={720} destroyOnHidden>
      {error && <Alert type="warning" showIcon message={error} style={{ marginBottom: 12 }} />}
      {!preview ? (
        <Spin />
      ) : (
        <Space align="start" size="large">
          <div style={{ width: 375, height: 667, border: '10px solid #222', borderRadius: 28, overflow: 'hidden', background: '#fff' }}>
            <iframe title="手机预览" src={frameUrl ?? preview.url} style={{ width: '100%', height: '100%', border: 0 }} />
          </div>
          <Space direction="vertical">
            <Typography.Text strong>用微信扫码在手机上预览</Typography.Text>
            {isLoopbackUrl(preview.url) ? (
              <Alert
                type="info"
                showIcon
                style={{ maxWidth: 240 }}
                message="手机打不开本机地址"
                description={`服务器的公开地址（PUBLIC_BASE_URL）是 ${new URL(preview.url).origin}，只有这台电脑能打开，所以这里不显示二维码。把 PUBLIC_BASE_URL 设成手机能访问的地址（如 https://shop.example.com）后重启服务端即可扫码预览。`}
              />
            ) : (
              qr && <img src={qr} alt="预览二维码" width={200} height={200} />
            )}
            <Typography.Paragraph copyable={{ text: preview.url }} style={{ maxWidth: 240, wordBreak: 'break-all' }} type="secondary">
              {preview.url}
            </Typography.Paragraph>
            {preview.expiresAt && <Typography.Text type="secondary">{`链接有效期至 ${formatTime(preview.expiresAt)}`}</Typography.Text>}
          </Space>
        </Space>
      )}
    </Modal>
  )
}
