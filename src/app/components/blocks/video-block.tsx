import { Video, View } from '@tarojs/components'
import type { VideoBlock } from '@core/content'

export function VideoBlockView({ block }: { block: VideoBlock }) {
  return (
    <View className='blk-video'>
      <Video className='blk-video__player' src={block.src} poster={block.poster} controls objectFit='cover' />
    </View>
  )
}
