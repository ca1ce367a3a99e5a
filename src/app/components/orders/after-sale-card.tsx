// 售后: the open (or last) after-sales request of the order, what happens next,
// and what the shopper can do now (withdraw it, send the goods back).
import { Image, Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import type { AfterSaleDto } from '@core/contract/after-sales'
import { AFTER_SALE_KIND_LABELS, AFTER_SALE_STATUS_LABELS, allowedAfterSaleActions } from '@core/after-sale'
import { Price } from '../price'
import './orders.css'

type Props = {
  afterSale: AfterSaleDto
  /** Backend media paths made absolute for the platform. */
  imageUrl: (url: string) => string
  busy?: boolean
  onCancel: () => void
  onReturn: () => void
}

function nextStep(a: AfterSaleDto): string {
  switch (a.status) {
    case 'requested':
      return '等待商家审核，审核结果会通知你'
    case 'approved':
      return '商家已同意，退款将原路退回'
    case 'awaiting_return':
      return a.returnShipment
        ? `已寄回：${a.returnShipment.carrier.name} ${a.returnShipment.trackingNo}，商家收到后为你退款`
        : '商家已同意退货，请寄回商品并填写退货物流'
    case 'returned':
      return '商家已收到退货，退款将原路退回'
    case 'refunding':
      return '退款中，款项将原路退回'
    case 'refunded':
      return '退款已完成，款项已原路退回'
    case 'rejected':
      return `商家未同意${a.rejectReason ? `：${a.rejectReason}` : ''}`
    case 'cancelled':
      return '你已撤销这次申请'
  }
}

export function AfterSaleCard({ afterSale: a, imageUrl, busy = false, onCancel, onReturn }: Props) {
  const actions = allowedAfterSaleActions(a)
  const canCancel = actions.includes('cancel')
  const canShip = actions.includes('ship_return')
  return (
    <View className='orders-card' aria-label='售后申请'>
      <View className='orders-card__head'>
        <Text className='orders-card__title'>售后 · {AFTER_SALE_KIND_LABELS[a.kind]}</Text>
        <Text className={`after-sale__status after-sale__status--${a.status}`}>{AFTER_SALE_STATUS_LABELS[a.status]}</Text>
      </View>
      <Text className='after-sale__next'>{nextStep(a)}</Text>
      <View className='after-sale__row'>
        <Text className='after-sale__label'>退款金额</Text>
        <Price fen={a.amountFen} size='sm' />
      </View>
      <View className='after-sale__row'>
        <Text className='after-sale__label'>原因</Text>
        <Text className='after-sale__value'>{a.reason}</Text>
      </View>
      {a.note ? (
        <View className='after-sale__row'>
          <Text className='after-sale__label'>说明</Text>
          <Text className='after-sale__value'>{a.note}</Text>
        </View>
      ) : null}
      {a.images.length > 0 ? (
        <View className='after-sale__photos'>
          {a.images.map((src, i) => (
            <Image key={src} className='after-sale__photo' src={imageUrl(src)} mode='aspectFill' aria-label={`凭证 ${i + 1}`} />
          ))}
        </View>
      ) : null}
      <Text className='after-sale__time'>申请时间 {dayjs(a.createdAt).format('YYYY-MM-DD HH:mm')}</Text>
      {canCancel || canShip ? (
        <View className='after-sale__actions'>
          {canCancel ? (
            <View className='pill' aria-role='button' aria-disabled={busy} onClick={busy ? undefined : onCancel}>
              撤销申请
            </View>
          ) : null}
          {canShip ? (
            <View className='pill pill--primary' aria-role='button' aria-disabled={busy} onClick={busy ? undefined : onReturn}>
              {a.returnShipment ? '修改退货物流' : '填写退货物流'}
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}
