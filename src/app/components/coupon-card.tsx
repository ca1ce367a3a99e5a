import { Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import type { UserCouponStatus } from '@core/coupon'
import './coupon-card.css'

export const COUPON_STATUS_LABELS: Record<UserCouponStatus, string> = {
  usable: '可使用',
  locked: '待支付订单占用',
  used: '已使用',
  expired: '已过期'
}

export type CouponCardData = { id: string; title: string; description?: string; expiresAt: string; status: UserCouponStatus; source?: 'claim' | 'reward' }

type Props = {
  coupon: CouponCardData
  /** Overrides the status line: at checkout, why this coupon does not fit the cart. */
  note?: string
  /** Checkout: this one is chosen. */
  selected?: boolean
  /** Greyed out (not usable here) even when its status is usable. */
  dim?: boolean
  onTap?: () => void
}

/** A shopper's coupon: what it takes off, its name, until when, and whether it can be used. */
export function CouponCard({ coupon, note, selected, dim, onTap }: Props) {
  const off = dim || coupon.status !== 'usable'
  return (
    <View
      className={`coupon-card${off ? ' coupon-card--off' : ''}${selected ? ' coupon-card--on' : ''}`}
      aria-label={coupon.title}
      aria-selected={selected}
      onClick={onTap}
    >
      <View className='coupon-card__value'>
        <Text className='coupon-card__desc'>{coupon.description || '优惠券'}</Text>
      </View>
      <View className='coupon-card__body'>
        <Text className='coupon-card__title'>
          {coupon.source === 'reward' ? <Text className='coupon-card__tag'>分享奖励</Text> : null}
          {coupon.title}
        </Text>
        <Text className='coupon-card__until'>有效期至 {dayjs(coupon.expiresAt).format('YYYY-MM-DD HH:mm')}</Text>
        <Text className={`coupon-card__status coupon-card__status--${coupon.status}`}>{note ?? COUPON_STATUS_LABELS[coupon.status]}</Text>
      </View>
      {selected ? <Text className='coupon-card__tick'>已选</Text> : null}
    </View>
  )
}
