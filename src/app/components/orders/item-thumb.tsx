// An order line's picture as it was when the order was placed; orders from
// before pictures were kept show a plain tile of the same size.
import { Image, View } from '@tarojs/components'
import { mediaUrl } from '../../services/env'
import './item-thumb.css'

export function ItemThumb({ image, title, size = 'md' }: { image?: string | null; title: string; size?: 'sm' | 'md' }) {
  const src = mediaUrl(image)
  return src ? (
    <Image className={`item-thumb item-thumb--${size}`} src={src} mode='aspectFill' aria-label={title} />
  ) : (
    <View className={`item-thumb item-thumb--${size} item-thumb--none`} />
  )
}
