// 我的优惠券: the shopper's coupons, usable first, each with its state in words.
import { Text, View } from '@tarojs/components'
import { CouponCard } from '../../components/coupon-card'
import { EmptyState } from '../../components/empty-state'
import { ErrorState } from '../../components/error-state'
import { LoadingView } from '../../components/loading-view'
import { usePageView } from '../../hooks/use-page-view'
import { useShownData } from '../../hooks/use-shown-data'
import { listMyCoupons } from '../../services/coupon-api'
import { go, routes } from '../../services/nav'
import './index.css'

export default function MyCouponsPage() {
  usePageView('pkg-me/coupons/index')
  // Read on every show: back from checkout or a paid order, a coupon may have been used or given back.
  const { data: coupons, error, refresh } = useShownData(listMyCoupons)

  if (error && !coupons) return <ErrorState message={error} onRetry={() => void refresh()} />
  if (!coupons) return <LoadingView cards={2} />
  if (coupons.length === 0) {
    return <EmptyState art='coupon' title='还没有优惠券' hint='在品牌的内容页里可以领取优惠券，结算时自动使用' actionText='去逛逛' onAction={() => go(routes.home)} />
  }
  const usable = coupons.filter((c) => c.status === 'usable').length
  return (
    <View className='my-coupons'>
      <Text className='my-coupons__summary'>{usable > 0 ? `${usable} 张可使用，结算时自动选用最划算的一张` : '暂无可使用的优惠券'}</Text>
      {coupons.map((c) => (
        <CouponCard key={c.id} coupon={c} />
      ))}
      <Text className='my-coupons__end'>— 没有更多了 —</Text>
    </View>
  )
}
