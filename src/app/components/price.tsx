import { Text } from '@tarojs/components'
import { formatFen } from '@core/money'
import './price.css'

type Props = { fen: number; size?: 'sm' | 'md' | 'lg'; strike?: boolean; className?: string }

export function Price({ fen, size = 'md', strike = false, className = '' }: Props) {
  return <Text className={`price price--${size}${strike ? ' price--strike' : ''} ${className}`}>{formatFen(fen)}</Text>
}

/** '¥99' or '¥99 起' for products whose SKUs differ in price. */
export function PriceFrom({ minFen, maxFen, size = 'md' }: { minFen: number; maxFen: number; size?: Props['size'] }) {
  return (
    <Text className={`price price--${size}`}>
      {formatFen(minFen)}
      {maxFen > minFen ? <Text className='price__from'> 起</Text> : null}
    </Text>
  )
}
