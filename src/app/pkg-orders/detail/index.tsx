// 订单详情 and the payment result: what the server says the order is. After the
// cashier (paid=1) it asks with ?sync=1, since the client's success proves nothing.
// An unpaid order stays payable until it expires, with a countdown.
import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useLoad, useRouter } from '@tarojs/taro'
import dayjs from 'dayjs'
import type { OrderDto } from '@core/api-types'
import { formatAttrs } from '@core/catalog'
import { isPaidStatus, ORDER_STATUS_LABELS } from '@core/order'
import { Countdown } from '../../components/countdown'
import { ErrorState } from '../../components/error-state'
import { LoadingView } from '../../components/loading-view'
import { NoticeBar } from '../../components/notice-bar'
import { Price } from '../../components/price'
import { usePageView } from '../../hooks/use-page-view'
import { payForOrder } from '../../services/checkout'
import { confirm, go, routes, toast } from '../../services/nav'
import { cancelOrder, getOrder } from '../../services/order-api'
import './index.css'

const CONFIRM_TRIES = 5
const CONFIRM_GAP_MS = 1500
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms))

function heading(order: OrderDto): { title: string; sub: string } {
  if (isPaidStatus(order.status)) return { title: '已支付', sub: `订单${ORDER_STATUS_LABELS[order.status]}` }
  if (order.status === 'pending_payment') return { title: '等待付款', sub: '超时未付款，订单将自动关闭' }
  return { title: ORDER_STATUS_LABELS[order.status], sub: order.status === 'closed' ? '订单已关闭，库存已释放' : '退款将原路退回' }
}

export default function OrderDetailPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const [order, setOrder] = useState<OrderDto | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<string | null>(params.cancel === '1' ? '已取消支付，订单已为你保留，可在倒计时结束前继续支付' : null)
  usePageView('pkg-orders/detail/index')

  const load = useCallback(async (justPaid: boolean) => {
    try {
      let current = await getOrder(id, { sync: justPaid })
      setOrder(current)
      setError(null)
      if (!justPaid) return
      // WeChat's notice can trail the cashier by a moment: ask again a few times.
      setConfirming(true)
      for (let i = 1; i < CONFIRM_TRIES && current.status === 'pending_payment'; i++) {
        await wait(CONFIRM_GAP_MS)
        current = await getOrder(id, { sync: true })
        setOrder(current)
      }
      if (current.status === 'pending_payment') setNotice('暂未确认到支付结果；如已付款，请稍后下拉刷新')
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setConfirming(false)
    }
  }, [id])

  useLoad(() => void load(params.paid === '1'))
  const onExpire = useCallback(() => void load(false), [load])

  const payAgain = async () => {
    if (!order || busy) return
    setBusy(true)
    try {
      const paid = await payForOrder(order.id)
      if (paid.outcome === 'paid') await load(true)
      else if (paid.outcome === 'cancelled') setNotice('已取消支付，订单已为你保留，可在倒计时结束前继续支付')
      else if (paid.outcome === 'failed') toast(paid.message)
    } catch (e) {
      toast((e as Error).message)
    } finally {
      setBusy(false)
    }
  }

  const cancel = async () => {
    if (!order || busy) return
    if (!(await confirm('取消订单', '取消后商品将不再为你保留，确定取消吗？', '取消订单'))) return
    setBusy(true)
    try {
      setOrder(await cancelOrder(order.id))
      setNotice(null)
      toast('订单已取消')
    } catch (e) {
      toast((e as Error).message)
    } finally {
      setBusy(false)
    }
  }

  if (error && !order) return <ErrorState message={error} onRetry={() => void load(params.paid === '1')} />
  if (!order) return <LoadingView cards={1} />

  const head = heading(order)
  const pending = order.status === 'pending_payment'
  return (
    <View className='order'>
      <View className={`order__head order__head--${isPaidStatus(order.status) ? 'paid' : order.status}`}>
        <Text className='order__title'>{confirming && pending ? '正在确认支付结果…' : head.title}</Text>
        {pending ? (
          <Text className='order__sub'>
            剩余 <Countdown className='order__countdown' expiresAt={order.expiresAt} onExpire={onExpire} /> · {head.sub}
          </Text>
        ) : (
          <Text className='order__sub'>{head.sub}</Text>
        )}
      </View>
      {notice ? <NoticeBar tone='warn' text={notice} /> : null}
      <View className='order__card'>
        <Text className='order__who'>
          {order.address.name} {order.address.phone}
        </Text>
        <Text className='order__where'>
          {order.address.province}
          {order.address.city}
          {order.address.district} {order.address.detail}
        </Text>
      </View>
      <View className='order__card'>
        {order.items.map((item) => (
          <View className='order__item' key={item.skuId}>
            <View className='order__item-main'>
              <Text className='order__item-title'>{item.title}</Text>
              <Text className='order__item-attrs'>{formatAttrs(item.attrs)}</Text>
            </View>
            <View className='order__item-side'>
              <Price fen={item.priceFen} size='sm' />
              <Text className='order__item-qty'>× {item.qty}</Text>
            </View>
          </View>
        ))}
        <View className='order__total'>
          <Text>{isPaidStatus(order.status) ? '实付' : '应付'}</Text>
          <Price fen={order.totalFen} size='md' />
        </View>
      </View>
      <View className='order__card order__meta'>
        <Text>订单编号：{order.outTradeNo}</Text>
        <Text>下单时间：{dayjs(order.createdAt).format('YYYY-MM-DD HH:mm:ss')}</Text>
        {order.paidAt ? <Text>支付时间：{dayjs(order.paidAt).format('YYYY-MM-DD HH:mm:ss')}</Text> : null}
      </View>
      <View className='order__bar'>
        <Text className='order__link' aria-role='button' onClick={() => go(routes.orders())}>
          全部订单
        </Text>
        {pending ? (
          <View className='order__actions'>
            <View className='order__btn' aria-role='button' aria-disabled={busy} onClick={() => void cancel()}>
              取消订单
            </View>
            <View className='order__btn order__btn--primary' aria-role='button' aria-disabled={busy} onClick={() => void payAgain()}>
              {busy ? '请稍候…' : '继续支付'}
            </View>
          </View>
        ) : (
          <View className='order__btn' aria-role='button' onClick={() => go(routes.home)}>
            继续逛逛
          </View>
        )}
      </View>
    </View>
  )
}
