import { Image, Text, View } from '@tarojs/components'
import type { HeroBlock } from '@core/content'

export function HeroBlockView({ block }: { block: HeroBlock }) {
  return (
    <View className='blk-hero'>
      <Image className='blk-hero__image' src={block.image} mode='aspectFill' aria-label={block.title || '头图'} />
      {block.title || block.subtitle ? (
        <View className='blk-hero__text'>
          {block.title ? <Text className='blk-hero__title'>{block.title}</Text> : null}
          {block.subtitle ? <Text className='blk-hero__subtitle'>{block.subtitle}</Text> : null}
        </View>
      ) : null}
    </View>
  )
}
