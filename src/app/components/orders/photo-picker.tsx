// Evidence photos: thumbnails with their upload state, remove, retry, and an add
// tile until the limit.
import { Image, Text, View } from '@tarojs/components'
import './form.css'

export type PhotoSlot = { key: string; path: string; state: 'uploading' | 'done' | 'failed'; url?: string; error?: string }

type Props = { photos: PhotoSlot[]; max: number; onAdd: () => void; onRemove: (key: string) => void; onRetry: (key: string) => void }

export function PhotoPicker({ photos, max, onAdd, onRemove, onRetry }: Props) {
  return (
    <View className='photos' aria-label='凭证图片'>
      {photos.map((p, i) => (
        <View className={`photo photo--${p.state}`} key={p.key}>
          <Image className='photo__img' src={p.path} mode='aspectFill' aria-label={`图片 ${i + 1}`} />
          {p.state === 'uploading' ? <Text className='photo__veil'>上传中…</Text> : null}
          {p.state === 'failed' ? (
            <Text className='photo__veil photo__veil--failed' aria-role='button' aria-label={`重新上传图片 ${i + 1}`} onClick={() => onRetry(p.key)}>
              上传失败{'\n'}点此重试
            </Text>
          ) : null}
          <Text className='photo__remove' aria-role='button' aria-label={`删除图片 ${i + 1}`} onClick={() => onRemove(p.key)}>
            ×
          </Text>
        </View>
      ))}
      {photos.length < max ? (
        <View className='photo photo--add' aria-role='button' aria-label='添加图片' onClick={onAdd}>
          <Text className='photo__plus'>+</Text>
          <Text className='photo__count'>
            {photos.length}/{max}
          </Text>
        </View>
      ) : null}
    </View>
  )
}
