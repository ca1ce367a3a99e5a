import { Text, View } from '@tarojs/components'
import './state-views.css'

type Props = { title: string; hint?: string; mark?: string; actionText?: string; onAction?: () => void }

export function EmptyState({ title, hint, mark = '○', actionText, onAction }: Props) {
  return (
    <View className='state'>
      <View className='state__mark'>
        <Text className='state__mark-text'>{mark}</Text>
      </View>
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
