import { Text, View } from '@tarojs/components'
import type { QuoteBlock } from '@core/content'

/** A quiet break between parts of a story. */
export function DividerBlockView() {
  return (
    <View className='blk-divider' aria-hidden>
      <View className='blk-divider__line' />
      <View className='blk-divider__mark' />
      <View className='blk-divider__line' />
    </View>
  )
}

/** A pulled quote, with who said it when given. */
export function QuoteBlockView({ block }: { block: QuoteBlock }) {
  return (
    <View className='blk-quote' aria-label='引文'>
      <Text className='blk-quote__mark'>“</Text>
      <Text className='blk-quote__text' userSelect>
        {block.text}
      </Text>
      {block.by ? <Text className='blk-quote__by'>— {block.by}</Text> : null}
    </View>
  )
}
