import { Text, View } from '@tarojs/components'
import { paragraphsOf, type TextBlock } from '@core/content'

/** Plain paragraphs: no HTML ever reaches the app, so nothing here is parsed as markup. */
export function TextBlockView({ block }: { block: TextBlock }) {
  return (
    <View className='blk-text'>
      {paragraphsOf(block.text).map((p, i) => (
        <Text className='blk-text__p' key={i} userSelect>
          {p}
        </Text>
      ))}
    </View>
  )
}
