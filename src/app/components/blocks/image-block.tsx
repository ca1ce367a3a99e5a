import { Image, Text, View } from '@tarojs/components'
import type { ImageBlock } from '@core/content'

export function ImageBlockView({ block }: { block: ImageBlock }) {
  return (
    <View className='blk-image'>
      <Image className='blk-image__img' src={block.image} mode='widthFix' lazyLoad aria-label={block.caption || '图片'} />
      {block.caption ? <Text className='blk-image__caption'>{block.caption}</Text> : null}
    </View>
  )
}
