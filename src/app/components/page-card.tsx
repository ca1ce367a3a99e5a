import { Image, Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import type { PageSummary } from '@core/contract/pages'
import './page-card.css'

/** A content page in the home feed: the picture leads, the words stay quiet. */
export function PageCard({ page, onOpen }: { page: PageSummary; onOpen: () => void }) {
  return (
    <View className='page-card' aria-label={page.title} onClick={onOpen}>
      {page.cover ? <Image className='page-card__cover' src={page.cover} mode='aspectFill' lazyLoad aria-label={page.title} /> : <View className='page-card__cover' />}
      <View className='page-card__body'>
        <Text className='page-card__title'>{page.title}</Text>
        {page.publishedAt ? <Text className='page-card__date'>{dayjs(page.publishedAt).format('M月D日')}</Text> : null}
      </View>
    </View>
  )
}
