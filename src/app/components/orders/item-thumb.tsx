// An order line's picture as it was when the order was placed (made absolute by
// the order service); orders from before pictures were kept show a plain tile.
import { Image, View } from '@tarojs/components'
import './item-thumb.css'

export function ItemThumb({ image, title, size = 'md' }: { image?: string | null; title: string; size?: 'sm' | 'md' }) {
  return image ? (
    <Image className={`item-thumb item-thumb--${size}`} src={image} mode='aspectFill' aria-label={title} />
  ) : (
    <View className={`item-thumb item-thumb--${size} item-thumb--none`} />
  )
}
