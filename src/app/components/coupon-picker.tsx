import { Text, View } from '@tarojs/components'
import { CouponCard, type CouponCardData } from './coupon-card'
import './coupon-picker.css'

/** One of the shopper's coupons against this cart: `note` says what it takes off, or why it does not fit. */
export type CouponPick = { coupon: CouponCardData; fits: boolean; note: string }

type Props = {
  picks: readonly CouponPick[]
  /** null: no coupon. */
  selectedId: string | null
  onPick: (id: string | null) => void
  onClose: () => void
}

/** Checkout's coupon sheet: the ones that fit first (best first), 不使用优惠券, then the rest greyed with the reason. */
export function CouponPicker({ picks, selectedId, onPick, onClose }: Props) {
  const fitting = picks.filter((p) => p.fits)
  const others = picks.filter((p) => !p.fits)
  return (
    <View className='cpick' aria-label='选择优惠券'>
      <View className='cpick__mask' onClick={onClose} />
      <View className='cpick__panel'>
        <View className='cpick__head'>
          <Text className='cpick__title'>选择优惠券</Text>
          <View className='cpick__close' aria-role='button' aria-label='关闭' onClick={onClose}>
            ×
          </View>
        </View>
        {fitting.map((p) => (
          <CouponCard key={p.coupon.id} coupon={p.coupon} note={p.note} selected={p.coupon.id === selectedId} onTap={() => onPick(p.coupon.id)} />
        ))}
        <View className={`cpick__none${selectedId === null ? ' cpick__none--on' : ''}`} aria-role='button' aria-selected={selectedId === null} onClick={() => onPick(null)}>
          不使用优惠券
        </View>
        {others.length > 0 ? <Text className='cpick__sub'>本单不可用（{others.length}）</Text> : null}
        {others.map((p) => (
          <CouponCard key={p.coupon.id} coupon={p.coupon} note={p.note} dim />
        ))}
      </View>
    </View>
  )
}
