import { Text, View } from '@tarojs/components'
import './notice-bar.css'

/** A calm one-line notice; tone 'warn' for things the shopper must act on. */
export function NoticeBar({ text, tone = 'info' }: { text: string; tone?: 'info' | 'warn' }) {
  return (
    <View className={`notice notice--${tone}`} aria-label='提示'>
      <Text>{text}</Text>
    </View>
  )
}
