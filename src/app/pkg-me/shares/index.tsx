// 我的分享: what the shopper shared, how many friends opened it and bought through it,
// and the reward coupons earned (a reward is taken back when its order is refunded
// within the after-sales window; the coupons themselves are in 我的优惠券).
import { Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import { EmptyState } from '../../components/empty-state'
import { ErrorState } from '../../components/error-state'
import { LoadingView } from '../../components/loading-view'
import { usePageView } from '../../hooks/use-page-view'
import { useShownData } from '../../hooks/use-shown-data'
import { go, routes } from '../../services/nav'
import { getMyShares, type ShareRow } from '../../services/share-stats-api'
import './index.css'

const CHANNELS: Record<string, string> = { chat: '微信好友', timeline: '朋友圈', poster: '海报' }

function shareTitle(s: ShareRow): string {
  if (s.title) return s.title
  return s.productId ? '分享的商品' : '分享的内容'
}

export default function MySharesPage() {
  usePageView('pkg-me/shares/index')
  const { data, error, refresh } = useShownData(getMyShares)

  if (error && !data) return <ErrorState message={error} onRetry={() => void refresh()} />
  if (!data) return <LoadingView cards={2} />
  if (data.items.length === 0) {
    return <EmptyState art='share' title='还没有分享记录' hint='把喜欢的内容分享给好友，好友下单并确认收货后，你会获得优惠券奖励' actionText='去逛逛' onAction={() => go(routes.home)} />
  }
  const { totals } = data
  const figures: Array<[string, number, string]> = [
    ['分享', totals.shares, '次'],
    ['好友打开', totals.opens, '人'],
    ['好友下单', totals.orders, '单'],
    ['获得奖励', totals.rewards, '张']
  ]
  return (
    <View className='my-shares'>
      <View className='my-shares__totals' aria-label='分享成果'>
        {figures.map(([label, n, unit]) => (
          <View className='my-shares__total' key={label} aria-label={`${label} ${n} ${unit}`}>
            <Text className='my-shares__num'>{n}</Text>
            <Text className='my-shares__label'>
              {label}（{unit}）
            </Text>
          </View>
        ))}
      </View>
      <Text className='my-shares__rule'>好友通过你的分享下单并确认收货后，你将获得优惠券奖励；售后期内退款的订单，奖励会收回。</Text>
      {totals.rewards > 0 ? (
        <View className='my-shares__link' aria-role='button' onClick={() => go(routes.myCoupons)}>
          奖励的优惠券在「我的优惠券」中查看 ›
        </View>
      ) : null}
      <View className='my-shares__section' aria-label='分享记录'>
        <Text className='my-shares__heading'>分享记录</Text>
        {data.items.map((s) => (
          <View className='my-shares__row' key={s.shareId} aria-label={`分享 ${shareTitle(s)}`} onClick={() => s.contentSlug && go(routes.content(s.contentSlug))}>
            <View className='my-shares__row-main'>
              <Text className='my-shares__row-title'>{shareTitle(s)}</Text>
              <Text className='my-shares__row-sub'>
                {[s.channel ? (CHANNELS[s.channel] ?? '其他') : null, dayjs(s.sharedAt).format('YYYY-MM-DD HH:mm')].filter(Boolean).join(' · ')}
              </Text>
            </View>
            <Text className='my-shares__row-stats'>
              {s.opens} 人打开 · {s.orders} 单 · 奖励 {s.rewards} 张
            </Text>
          </View>
        ))}
      </View>
    </View>
  )
}
