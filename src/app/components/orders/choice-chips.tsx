// One choice among a few, as tappable chips (radio semantics for screen readers).
import { Text, View } from '@tarojs/components'
import './form.css'

type Option<T extends string> = { value: T; label: string; hint?: string }
type Props<T extends string> = { label: string; options: Array<Option<T>>; value: T | null; onChange: (value: T) => void; wide?: boolean }

export function ChoiceChips<T extends string>({ label, options, value, onChange, wide = false }: Props<T>) {
  return (
    <View className={`chips${wide ? ' chips--wide' : ''}`} aria-role='radiogroup' aria-label={label}>
      {options.map((o) => (
        <View
          key={o.value}
          className={`chip${o.value === value ? ' chip--on' : ''}`}
          aria-role='radio'
          aria-checked={o.value === value}
          aria-label={o.label}
          onClick={() => onChange(o.value)}
        >
          <Text className='chip__label'>{o.label}</Text>
          {o.hint ? <Text className='chip__hint'>{o.hint}</Text> : null}
        </View>
      ))}
    </View>
  )
}
