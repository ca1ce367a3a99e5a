import { Text, View } from '@tarojs/components'
import type { CouponBlock } from '@core/content'

/** What the shopper can do with the coupon now. `claiming`: the claim is on its way. */
export type CouponClaimState = 'claimable' | 'claiming' | 'claimed' | 'gone' | 'not_started' | 'ended'

/** What the page knows of a coupon: its words and, for this shopper, its state. */
export type CouponBlockInfo = { title?: string; description?: string; state: CouponClaimState }

export type CouponActions = {
  /** By coupon id; a coupon the page knows nothing of shows as 可领取 and lets the server answer. */
  coupons?: Record<string, CouponBlockInfo>
  onClaim?: (couponId: string) => void
  /** 已领取: where the shopper sees and uses it (我的优惠券). */
  onOpenCoupons?: () => void
}

const LABELS: Record<CouponClaimState, string> = {
  claimable: '可领取',
  claiming: '领取中…',
  claimed: '已领取',
  gone: '已抢光',
  not_started: '未开始',
  ended: '已结束'
}

/** A coupon's claim card in a content page: 可领取 / 已领取 / 已抢光, claimed in place. */
export function CouponBlockView({ block, info, readOnly, onClaim, onOpenCoupons }: { block: CouponBlock; info?: CouponBlockInfo; readOnly?: boolean } & Omit<CouponActions, 'coupons'>) {
  const state = info?.state ?? 'claimable'
  const title = info?.title || '优惠券'
  const tap = () => {
    if (readOnly) return
    if (state === 'claimable') onClaim?.(block.couponId)
    else if (state === 'claimed') onOpenCoupons?.()
  }
  return (
    <View className={`blk-coupon blk-coupon--${state === 'not_started' || state === 'ended' ? 'gone' : state}`} aria-label={`优惠券 ${title}`}>
      <View className='blk-coupon__body'>
        {info?.description ? <Text className='blk-coupon__value'>{info.description}</Text> : null}
        <Text className='blk-coupon__title'>{title}</Text>
        {state === 'claimed' && !readOnly ? <Text className='blk-coupon__hint'>已放入「我的优惠券」，结算时可用</Text> : null}
      </View>
      {readOnly ? (
        <Text className='blk-coupon__readonly'>在小程序中领取</Text>
      ) : (
        <View
          className='blk-coupon__action'
          aria-role='button'
          aria-label={state === 'claimed' ? '已领取，查看我的优惠券' : LABELS[state]}
          aria-disabled={state !== 'claimable' && state !== 'claimed'}
          onClick={tap}
        >
          {LABELS[state]}
        </View>
      )}
    </View>
  )
}
