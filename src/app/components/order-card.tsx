import { Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import type { OrderDto } from '@core/contract/orders'
import { formatAttrs } from '@core/catalog'
import { formatFen } from '@core/money'
import { AFTER_SALE_STATUS_LABELS } from '@core/after-sale'
import { ORDER_STATUS_LABELS } from '@core/order'
import { readableOrderNo } from '@core/order-number'
import { itemCountText } from '@core/order-summary'
import { ItemThumb } from './orders/item-thumb'
import { Price } from './price'
import './order-card.css'

/** One line on where the order is beyond its status: the parcel, the after-sales request, refunds. */
function progress(order: OrderDto): string | null {
  if (order.afterSale && order.afterSale.status !== 'cancelled') return `售后：${AFTER_SALE_STATUS_LABELS[order.afterSale.status]}`
  const shipments = order.shipments ?? []
  const last = shipments[shipments.length - 1]
  if (order.status === 'shipped' && last) return last.carrier ? `${last.carrier.name} ${last.trackingNo ?? ''}`.trim() : '商品已发出'
  if (order.refundedFen > 0 && order.status !== 'refunded') return `已退款 ${formatFen(order.refundedFen)}`
  return null
}

export function OrderCard({ order, onOpen }: { order: OrderDto; onOpen: () => void }) {
  return (
    <View className='order-card' aria-label={`订单 ${order.outTradeNo}`} onClick={onOpen}>
      <View className='order-card__head'>
        <Text className='order-card__date'>{dayjs(order.createdAt).format('YYYY-MM-DD HH:mm')}</Text>
        <Text className={`order-card__status order-card__status--${order.status}`}>{ORDER_STATUS_LABELS[order.status]}</Text>
      </View>
      {order.items.slice(0, 3).map((item) => (
        <View className='order-card__item' key={item.skuId}>
          <ItemThumb image={item.image} title={item.title} size='sm' />
          <View className='order-card__item-body'>
            <Text className='order-card__title'>{item.title}</Text>
            <Text className='order-card__attrs'>{[formatAttrs(item.attrs), `× ${item.qty}`].filter(Boolean).join(' ')}</Text>
          </View>
        </View>
      ))}
      {order.items.length > 3 ? <Text className='order-card__more'>等 {order.items.length} 种商品</Text> : null}
      {progress(order) ? <Text className='order-card__progress'>{progress(order)}</Text> : null}
      <View className='order-card__foot'>
        <Text className='order-card__no'>订单号 {readableOrderNo(order.outTradeNo)}</Text>
        <Text className='order-card__count'>{itemCountText(order.items)} 合计</Text>
        {/* What was (or is to be) paid: the coupon's discount taken off, as the server priced it. */}
        <Price fen={order.payableFen ?? order.totalFen} size='sm' />
      </View>
    </View>
  )
}
