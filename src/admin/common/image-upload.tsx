/** An upload button for one image: progress while it goes, the stored `/media/…` path when done. */
import { UploadOutlined } from '@ant-design/icons'
import { Button, Progress, Space } from 'antd'
import { useRef, useState } from 'react'
import { uploadMedia } from '../api/upload'
import { useNotify } from './notify'

export function ImageUpload({ onUploaded, label = '上传图片' }: { onUploaded: (path: string) => void; label?: string }) {
  const input = useRef<HTMLInputElement>(null)
  const [percent, setPercent] = useState<number | null>(null)
  const notify = useNotify()

  const upload = async (file: File) => {
    setPercent(0)
    try {
      const media = await uploadMedia(file, setPercent)
      onUploaded(media.path)
    } catch (e) {
      notify.error(e)
    } finally {
      setPercent(null)
      if (input.current) input.current.value = ''
    }
  }

  return (
    <Space>
      <input
        ref={input}
        type="file"
        accept="image/jpeg,image/png,image/gif,image/webp"
        aria-label={label}
        style={{ display: 'none' }}
        onChange={(e) => {
          const file = e.target.files?.[0]
          if (file) void upload(file)
        }}
      />
      <Button icon={<UploadOutlined />} loading={percent !== null} onClick={() => input.current?.click()}>
        {label}
      </Button>
      {percent !== null && <Progress percent={percent} size="small" style={{ width: 120 }} aria-label="上传进度" />}
    </Space>
  )
}
