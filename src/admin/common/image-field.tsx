/** One image by URL: a thumbnail, upload to replace, remove. Used by blocks, covers and share images. */
import { Button, Image, Space } from 'antd'
import { ImageUpload } from './image-upload'

export function ImageField({ value, onChange, allowClear = true }: { value?: string | null; onChange: (v: string | null) => void; allowClear?: boolean }) {
  return (
    <Space align="start">
      {value ? (
        <Image src={value} width={96} height={96} style={{ objectFit: 'cover', borderRadius: 4 }} alt="已选图片" />
      ) : (
        <div style={{ width: 96, height: 96, border: '1px dashed #d9d9d9', borderRadius: 4, display: 'flex', alignItems: 'center', justifyContent: 'center', color: '#999' }}>
          无图片
        </div>
      )}
      <Space direction="vertical">
        <ImageUpload label={value ? '更换图片' : '上传图片'} onUploaded={onChange} />
        {value && allowClear && (
          <Button type="link" danger onClick={() => onChange(null)} style={{ padding: 0 }}>
            移除
          </Button>
        )}
      </Space>
    </Space>
  )
}

/** Several images in order (product photos): add by upload, remove each. */
export function ImageListField({ value = [], onChange }: { value?: string[]; onChange?: (v: string[]) => void }) {
  return (
    <Space wrap align="start">
      {value.map((url, i) => (
        <Space key={`${url}-${i}`} direction="vertical" align="center">
          <Image src={url} width={96} height={96} style={{ objectFit: 'cover', borderRadius: 4 }} alt={`图片 ${i + 1}`} />
          <Button type="link" danger size="small" onClick={() => onChange?.(value.filter((_, j) => j !== i))}>
            移除
          </Button>
        </Space>
      ))}
      <ImageUpload label="添加图片" onUploaded={(path) => onChange?.([...value, path])} />
    </Space>
  )
}
