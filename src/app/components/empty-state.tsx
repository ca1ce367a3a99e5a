import { Image, Text, View } from '@tarojs/components'
import { emptyArtSrc, type EmptyArt } from './empty-art'
import './state-views.css'

type Props = { title: string; hint?: string; art?: EmptyArt; actionText?: string; onAction?: () => void }

export function EmptyState({ title, hint, art = 'goods', actionText, onAction }: Props) {
  return (
    <View className='state'>
      {/* scaleToFill: the drawing is square like its box, and Taro H5's aspectFit centres it off the box under text-align. */}
      <Image className='state__art' src={emptyArtSrc(art)} mode='scaleToFill' aria-hidden />
      <Text className='state__title'>{title}</Text>
      {hint ? <Text className='state__hint'>{hint}</Text> : null}
      {actionText && onAction ? (
        <View className='state__action' aria-role='button' onClick={onAction}>
          {actionText}
        </View>
      ) : null}
    </View>
  )
}
