// One cart line with the problem that keeps it out of the total, and what the
// shopper can do about it.
import { Image, Text, View } from '@tarojs/components'
import type { CartLineDto } from '@core/contract/cart'
import { formatAttrs } from '@core/catalog'
import { formatFen } from '@core/money'
import { Price } from './price'
import { QtyStepper } from './qty-stepper'
import './cart-row.css'

type Row = CartLineDto & { pending?: boolean }
type Props = { row: Row; onQty: (qty: number) => void; onRemove: () => void; onAcceptPrice: () => void; onOpen?: () => void }

function problemText(row: Row): string | null {
  switch (row.problem) {
    case 'SKU_GONE':
      return '商品已下架，请删除'
    case 'SOLD_OUT':
      return '该规格已售罄'
    case 'INSUFFICIENT_STOCK':
      return `库存仅剩 ${row.maxQty} 件，请减少数量`
    case 'PRICE_CHANGED':
      return `价格已由 ${formatFen(row.seenPriceFen ?? 0)} 变为 ${formatFen(row.priceFen)}`
    case 'INVALID_QTY':
      return '数量有误，请重新选择'
    default:
      return null
  }
}

export function CartRow({ row, onQty, onRemove, onAcceptPrice, onOpen }: Props) {
  const problem = problemText(row)
  const gone = row.problem === 'SKU_GONE' || row.problem === 'SOLD_OUT'
  return (
    <View className={`cart-row${gone ? ' cart-row--gone' : ''}`} aria-label={row.title || '商品'}>
      <View className='cart-row__media' onClick={onOpen}>
        {row.image ? <Image className='cart-row__image' src={row.image} mode='aspectFill' aria-label={row.title} /> : null}
      </View>
      <View className='cart-row__body'>
        <Text className='cart-row__title'>{row.pending && !row.title ? '正在更新价格…' : row.title || '已下架商品'}</Text>
        {Object.keys(row.attrs).length > 0 ? <Text className='cart-row__attrs'>{formatAttrs(row.attrs)}</Text> : null}
        {problem ? (
          <View className='cart-row__problem' aria-label='商品问题'>
            <Text>{problem}</Text>
            {row.problem === 'PRICE_CHANGED' ? (
              <Text className='cart-row__fix' aria-role='button' onClick={onAcceptPrice}>
                按新价格购买
              </Text>
            ) : null}
          </View>
        ) : null}
        <View className='cart-row__foot'>
          {row.productId !== null || row.priceFen > 0 ? <Price fen={row.priceFen} size='sm' /> : <Text />}
          {gone ? null : <QtyStepper value={row.qty} max={Math.max(row.qty, Math.min(99, row.maxQty))} onChange={onQty} />}
        </View>
      </View>
      <View className='cart-row__remove' aria-role='button' aria-label={`删除 ${row.title || '商品'}`} onClick={onRemove}>
        删除
      </View>
    </View>
  )
}
