// 物流: every parcel of the order (several = split delivery) with its carrier,
// tracking number (copyable) and what is in it.
import { Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import type { OrderItemDto } from '@core/contract/orders'
import type { LogisticsType, ShipmentDto } from '@core/contract/shipping'
import './orders.css'

const LOGISTICS_LABELS: Record<LogisticsType, string> = {
  express: '快递',
  same_city: '同城配送',
  virtual: '无需物流',
  pickup: '到店自提'
}

type Props = { shipments: ShipmentDto[]; items: OrderItemDto[]; onCopy: (trackingNo: string) => void }

function contents(shipment: ShipmentDto, items: OrderItemDto[]): string {
  if (shipment.items.length === 0) return ''
  return shipment.items
    .map((line) => {
      const item = items.find((i) => i.skuId === line.skuId)
      return `${item?.title ?? '商品'} × ${line.qty}`
    })
    .join('，')
}

export function ParcelList({ shipments, items, onCopy }: Props) {
  if (shipments.length === 0) return null
  const many = shipments.length > 1
  return (
    <View className='orders-card' aria-label='物流信息'>
      <View className='orders-card__head'>
        <Text className='orders-card__title'>物流信息</Text>
        {many ? <Text className='orders-card__aside'>分 {shipments.length} 个包裹发出</Text> : null}
      </View>
      {shipments.map((s, index) => (
        <View className='parcel' key={s.id} aria-label={many ? `包裹 ${index + 1}` : '包裹'}>
          <View className='parcel__line'>
            <Text className='parcel__carrier'>
              {many ? `包裹 ${index + 1} · ` : ''}
              {s.carrier?.name ?? LOGISTICS_LABELS[s.logisticsType]}
            </Text>
            <Text className='parcel__time'>{dayjs(s.shippedAt).format('MM-DD HH:mm')} 发货</Text>
          </View>
          {s.trackingNo ? (
            <View className='parcel__line'>
              <Text className='parcel__no' userSelect>
                运单号 {s.trackingNo}
              </Text>
              <Text className='parcel__copy' aria-role='button' aria-label={`复制运单号 ${s.trackingNo}`} onClick={() => onCopy(s.trackingNo as string)}>
                复制
              </Text>
            </View>
          ) : null}
          {contents(s, items) ? <Text className='parcel__items'>{contents(s, items)}</Text> : null}
        </View>
      ))}
    </View>
  )
}
