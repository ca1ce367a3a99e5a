import { View } from '@tarojs/components'
import './state-views.css'

/** Calm placeholders in the shape of what is coming, instead of a spinner. */
export function LoadingView({ cards = 2 }: { cards?: number }) {
  return (
    <View className='skeleton' aria-label='加载中' aria-busy='true'>
      {Array.from({ length: cards }, (_, i) => (
        <View className='skeleton__card' key={i}>
          <View className='skeleton__image' />
          <View className='skeleton__line' />
          <View className='skeleton__line skeleton__line--short' />
        </View>
      ))}
    </View>
  )
}
