// 生成海报 (and, in H5, 复制链接) on a content or product page: a small floating group.
// The poster itself lives in the pkg-reach subpackage; useShareActions gives the props.
import { Text, View } from '@tarojs/components'
import './share-actions.css'

/** top: over the product's pictures, clear of the buying bar; else above the floating cart. */
type Props = { hidden: boolean; onPoster: () => void; onCopyLink?: () => void; top?: boolean }

export function ShareActions({ hidden, onPoster, onCopyLink, top = false }: Props) {
  if (hidden) return null
  return (
    <View className={`share-actions${top ? ' share-actions--top' : ''}`}>
      <View className='share-actions__btn' aria-role='button' aria-label='生成海报' onClick={onPoster}>
        <Text>生成海报</Text>
      </View>
      {onCopyLink ? (
        <View className='share-actions__btn' aria-role='button' aria-label='复制链接' onClick={onCopyLink}>
          <Text>复制链接</Text>
        </View>
      ) : null}
    </View>
  )
}
