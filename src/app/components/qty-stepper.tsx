import { Text, View } from '@tarojs/components'
import './qty-stepper.css'

type Props = { value: number; min?: number; max: number; onChange: (qty: number) => void; disabled?: boolean; label?: string }

export function QtyStepper({ value, min = 1, max, onChange, disabled = false, label = '数量' }: Props) {
  const canDec = !disabled && value > min
  const canInc = !disabled && value < max
  return (
    <View className='stepper' aria-label={label}>
      <View className={`stepper__btn${canDec ? '' : ' stepper__btn--off'}`} aria-role='button' aria-label='减少' aria-disabled={!canDec} onClick={() => canDec && onChange(value - 1)}>
        −
      </View>
      <Text className='stepper__value'>{value}</Text>
      <View className={`stepper__btn${canInc ? '' : ' stepper__btn--off'}`} aria-role='button' aria-label='增加' aria-disabled={!canInc} onClick={() => canInc && onChange(value + 1)}>
        +
      </View>
    </View>
  )
}
