// 我的订单: the shopper's orders by status, newest first.
import { useCallback, useState } from 'react'
import { View } from '@tarojs/components'
import { useDidShow, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import type { OrderDto, OrderStatus } from '@core/contract/orders'
import { EmptyState } from '../../components/empty-state'
import { ErrorState } from '../../components/error-state'
import { LoadingView } from '../../components/loading-view'
import { OrderCard } from '../../components/order-card'
import { usePageView } from '../../hooks/use-page-view'
import { go, routes, stopPullDownRefresh } from '../../services/nav'
import { listOrders } from '../../services/order-api'
import './index.css'

type Tab = { key: string; label: string; shows?: (order: OrderDto) => boolean }

const withStatus =
  (...statuses: OrderStatus[]) =>
  (order: OrderDto) =>
    statuses.includes(order.status)

// 售后: refunds and every order that has had an after-sales request, open or settled.
const TABS: Tab[] = [
  { key: 'all', label: '全部' },
  { key: 'pending_payment', label: '待付款', shows: withStatus('pending_payment') },
  { key: 'paid', label: '待发货', shows: withStatus('paid') },
  { key: 'shipped', label: '已发货', shows: withStatus('shipped') },
  { key: 'completed', label: '已完成', shows: withStatus('completed') },
  { key: 'refund', label: '退款/售后', shows: (o) => o.status === 'refunding' || o.status === 'refunded' || (o.afterSale !== undefined && o.afterSale.status !== 'cancelled') }
]

export default function OrderListPage() {
  const { params } = useRouter()
  const [tab, setTab] = useState(TABS.some((t) => t.key === params.status) ? (params.status as string) : 'all')
  const [orders, setOrders] = useState<OrderDto[] | null>(null)
  const [cursor, setCursor] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  usePageView('pkg-orders/list/index')

  const refresh = useCallback(async () => {
    try {
      const page = await listOrders()
      setOrders(page.items)
      setCursor(page.nextCursor)
      setError(null)
    } catch (e) {
      setError((e as Error).message)
    } finally {
      stopPullDownRefresh()
    }
  }, [])

  const more = async () => {
    if (!cursor || loadingMore) return
    setLoadingMore(true)
    try {
      const page = await listOrders(cursor)
      setOrders((prev) => [...(prev ?? []), ...page.items])
      setCursor(page.nextCursor)
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setLoadingMore(false)
    }
  }

  // Back from an order's page (paid, cancelled): show its new state.
  useDidShow(() => void refresh())
  usePullDownRefresh(() => void refresh())
  useReachBottom(() => void more())

  const shows = TABS.find((t) => t.key === tab)?.shows
  const shown = (orders ?? []).filter((o) => !shows || shows(o))

  let body
  if (error && !orders) body = <ErrorState message={error} onRetry={() => void refresh()} />
  else if (!orders) body = <LoadingView cards={2} />
  else if (shown.length === 0 && cursor) {
    // The filter is applied to what has been loaded: older orders may still match.
    body = <EmptyState art='orders' title='最近没有这类订单' hint='可以继续查看更早的订单' actionText={loadingMore ? '加载中…' : '查看更早的订单'} onAction={() => void more()} />
  } else if (shown.length === 0) body = <EmptyState art='orders' title='暂无订单' hint={tab === 'all' ? '下单后可以在这里查看进度' : '这个状态下没有订单'} actionText='去逛逛' onAction={() => go(routes.home)} />
  else {
    body = (
      <View>
        {shown.map((order) => (
          <OrderCard key={order.id} order={order} onOpen={() => go(routes.order(order.id))} />
        ))}
        <View className='orders__more' aria-role='button' onClick={() => void more()}>
          {loadingMore ? '加载中…' : cursor ? '加载更多' : '— 没有更多了 —'}
        </View>
      </View>
    )
  }

  return (
    <View className='orders'>
      <View className='orders__tabs' aria-label='订单状态'>
        {TABS.map((t) => (
          <View key={t.key} className={`orders__tab${t.key === tab ? ' orders__tab--on' : ''}`} aria-role='tab' aria-selected={t.key === tab} onClick={() => setTab(t.key)}>
            {t.label}
          </View>
        ))}
      </View>
      {body}
    </View>
  )
}
