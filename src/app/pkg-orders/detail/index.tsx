// 订单详情 and the payment result: what the server says the order is. After the
// cashier (paid=1) it asks with ?sync=1, since the client's success proves nothing.
// An unpaid order stays payable until it expires, with a countdown. Shipped orders
// show their parcels and 确认收货 (WeChat's confirm component, then the server's
// check); refunds and the after-sales request show with their state.
// Opened from WeChat's service message the query carries transaction_id /
// merchant_trade_no instead of our id, and the order is looked up by those.
import { useCallback, useRef, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { useDidShow, useLoad, useRouter } from '@tarojs/taro'
import dayjs from 'dayjs'
import type { OrderDto } from '@core/contract/orders'
import { formatAttrs } from '@core/catalog'
import { formatFen } from '@core/money'
import { isPaidStatus, ORDER_STATUS_LABELS } from '@core/order'
import { readableOrderNo } from '@core/order-number'
import { Countdown } from '../../components/countdown'
import { ErrorState } from '../../components/error-state'
import { LoadingView } from '../../components/loading-view'
import { NoticeBar } from '../../components/notice-bar'
import { AfterSaleCard } from '../../components/orders/after-sale-card'
import { afterSaleKindsFor, hasOpenAfterSale } from '../../components/orders/after-sale-offer'
import { ItemThumb } from '../../components/orders/item-thumb'
import { ParcelList } from '../../components/orders/parcel-list'
import { RefundList } from '../../components/orders/refund-list'
import { Price } from '../../components/price'
import { usePageView } from '../../hooks/use-page-view'
import { cancelAfterSale, refusalText } from '../../services/after-sale-api'
import { payForOrder } from '../../services/checkout'
import { copyText } from '../../services/clipboard'
import { mediaUrl } from '../../services/env'
import { confirm, go, routes, toast } from '../../services/nav'
import { cancelOrder, confirmReceipt, getOrder, lookupOrder, orderAmounts } from '../../services/order-api'
import { confirmResultFromQuery, openConfirmReceipt, takeConfirmResult, tradeRefOf, type ConfirmResult } from '../../services/receipt'
import { hasInAppContact } from '../../services/support'
import './index.css'

const CONFIRM_TRIES = 5
const CONFIRM_GAP_MS = 1500
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms))
const TIME = 'YYYY-MM-DD HH:mm:ss'

function heading(order: OrderDto): { title: string; sub: string } {
  if (hasOpenAfterSale(order) && order.status !== 'pending_payment') {
    return { title: ORDER_STATUS_LABELS[order.status], sub: '售后处理中，进度见下方' }
  }
  switch (order.status) {
    case 'pending_payment':
      return { title: '等待付款', sub: '超时未付款，订单将自动关闭' }
    case 'paid':
      return { title: '已支付', sub: order.shipments.length > 0 ? '部分商品已发货，其余商品将尽快发出' : '订单待发货' }
    case 'shipped':
      return {
        title: '已发货',
        sub: order.autoCompleteAt ? `${dayjs(order.autoCompleteAt).format('M月D日')}后将自动确认收货` : '收到商品后请确认收货'
      }
    case 'completed':
      return { title: '已完成', sub: '感谢你的购买' }
    case 'closed':
      return { title: '已关闭', sub: '订单已关闭，库存已释放' }
    default:
      return { title: ORDER_STATUS_LABELS[order.status], sub: '退款将原路退回' }
  }
}

export default function OrderDetailPage() {
  const { params } = useRouter()
  const [order, setOrder] = useState<OrderDto | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<string | null>(params.cancel === '1' ? '已取消支付，订单已为你保留，可在倒计时结束前继续支付' : null)
  const shownOnce = useRef(false)
  usePageView('pkg-orders/detail/index')

  const fetchOrder = useCallback(
    (justPaid: boolean, knownId?: string) => {
      const id = knownId ?? params.id
      if (id) return getOrder(id, { sync: justPaid })
      if (params.transaction_id || params.merchant_trade_no) {
        return lookupOrder({ transactionId: params.transaction_id, merchantTradeNo: params.merchant_trade_no })
      }
      return Promise.reject(new Error('找不到这笔订单，请从「我的订单」进入'))
    },
    [params.id, params.transaction_id, params.merchant_trade_no]
  )

  const load = useCallback(
    async (justPaid: boolean): Promise<OrderDto | null> => {
      try {
        let current = await fetchOrder(justPaid)
        setOrder(current)
        setError(null)
        if (!justPaid) return current
        // WeChat's notice can trail the cashier by a moment: ask again a few times.
        setConfirming(true)
        for (let i = 1; i < CONFIRM_TRIES && current.status === 'pending_payment'; i++) {
          await wait(CONFIRM_GAP_MS)
          current = await fetchOrder(true, current.id)
          setOrder(current)
        }
        if (current.status === 'pending_payment') setNotice('暂未确认到支付结果；如已付款，请稍后下拉刷新')
        return current
      } catch (e) {
        setError(refusalText(e))
        return null
      } finally {
        setConfirming(false)
      }
    },
    [fetchOrder]
  )

  /** WeChat's confirm component answered: on success the server checks WeChat and completes the order. */
  const settleConfirm = useCallback(async (result: ConfirmResult, current: OrderDto) => {
    if (result.status === 'cancel') {
      toast('未确认收货')
      return
    }
    if (result.status === 'fail') {
      setNotice(`确认收货未完成${result.message ? `：${result.message}` : ''}。请确认使用的是下单时的微信，或稍后重试`)
      return
    }
    if (current.status !== 'shipped') return
    setBusy(true)
    try {
      setOrder(await confirmReceipt(current.id))
      setNotice(null)
      toast('已确认收货', 'success')
    } catch (e) {
      setNotice(`确认收货未完成：${refusalText(e)}`)
    } finally {
      setBusy(false)
    }
  }, [])

  useLoad(() => {
    void load(params.paid === '1').then((loaded) => {
      const fromQuery = loaded && confirmResultFromQuery(loaded.id, params)
      if (loaded && fromQuery) void settleConfirm(fromQuery, loaded)
    })
  })

  // Back on this page: from WeChat's confirm component (its answer), or from 申请售后 / 退货.
  useDidShow(() => {
    if (!shownOnce.current) {
      shownOnce.current = true
      return
    }
    if (!order) return
    const result = takeConfirmResult(order.id)
    if (result) void settleConfirm(result, order)
    else void fetchOrder(false, order.id).then(setOrder, (e: Error) => toast(e.message))
  })

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

  const receive = async () => {
    if (!order || busy) return
    const ref = tradeRefOf(order, params)
    if (ref) {
      try {
        await openConfirmReceipt(order.id, ref, routes.order(order.id))
      } catch (e) {
        toast((e as Error).message)
      }
      return
    }
    // Not under WeChat's trade management: our server alone decides.
    if (!(await confirm('确认收货', '请确认已收到全部商品，确认后订单将完成', '确认收货'))) return
    await settleConfirm({ orderId: order.id, status: 'success' }, order)
  }

  const withdraw = async () => {
    const afterSale = order?.afterSale
    if (!order || !afterSale || busy) return
    if (!(await confirm('撤销售后申请', '撤销后如仍有问题，可以重新申请', '撤销申请'))) return
    setBusy(true)
    try {
      const updated = await cancelAfterSale(afterSale.id)
      setOrder({ ...order, afterSale: updated })
      toast('已撤销申请')
      void fetchOrder(false, order.id).then(setOrder, () => undefined)
    } catch (e) {
      toast(refusalText(e))
    } finally {
      setBusy(false)
    }
  }

  if (error && !order) return <ErrorState message={error} onRetry={() => void load(params.paid === '1')} />
  if (!order) return <LoadingView cards={1} />

  const head = heading(order)
  const amounts = orderAmounts(order)
  const pending = order.status === 'pending_payment'
  const canAfterSale = afterSaleKindsFor(order, Date.now()).length > 0
  const canReceive = order.status === 'shipped'
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
      {order.afterSale ? (
        <AfterSaleCard afterSale={order.afterSale} imageUrl={(u) => mediaUrl(u)} busy={busy} onCancel={() => void withdraw()} onReturn={() => go(routes.returnParcel(order.id))} />
      ) : null}
      <ParcelList shipments={order.shipments ?? []} items={order.items} onCopy={(no) => void copyText(no)} />
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
            <ItemThumb image={item.image} title={item.title} />
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
        {amounts.discountFen > 0 ? (
          <View>
            <View className='order__total order__total--sub' aria-label='商品合计'>
              <Text>商品合计</Text>
              <Price fen={amounts.totalFen} size='sm' />
            </View>
            <View className='order__total order__total--sub' aria-label='优惠'>
              <Text>优惠{amounts.couponTitle ? `（${amounts.couponTitle}）` : ''}</Text>
              <Text className='order__discount'>-{formatFen(amounts.discountFen)}</Text>
            </View>
          </View>
        ) : null}
        <View className='order__total'>
          <Text>{isPaidStatus(order.status) || order.status === 'refunding' || order.status === 'refunded' ? '实付' : '应付'}</Text>
          <Price fen={amounts.payableFen} size='md' />
        </View>
        {order.refundedFen > 0 ? (
          <View className='order__total order__total--refund' aria-label='已退款金额'>
            <Text>已退款</Text>
            <Price fen={order.refundedFen} size='sm' />
          </View>
        ) : null}
      </View>
      <RefundList refunds={order.refunds ?? []} />
      <View className='order__card order__meta'>
        <View className='order__no'>
          <Text>订单编号：{readableOrderNo(order.outTradeNo)}</Text>
          <Text className='order__no-copy' aria-role='button' aria-label='复制订单编号' onClick={() => void copyText(order.outTradeNo)}>
            复制
          </Text>
        </View>
        <Text>下单时间：{dayjs(order.createdAt).format(TIME)}</Text>
        {order.paidAt ? <Text>支付时间：{dayjs(order.paidAt).format(TIME)}</Text> : null}
        {order.shippedAt ? <Text>发货时间：{dayjs(order.shippedAt).format(TIME)}</Text> : null}
        {order.status === 'shipped' && order.autoCompleteAt ? <Text>自动确认收货：{dayjs(order.autoCompleteAt).format(TIME)}</Text> : null}
        {order.completedAt ? <Text>完成时间：{dayjs(order.completedAt).format(TIME)}</Text> : null}
      </View>
      {hasInAppContact() ? (
        <View className='order__card order__help'>
          <Text className='order__help-text'>对订单有疑问？</Text>
          <Button className='order__contact' openType='contact' sessionFrom={`order:${order.id}`}>
            联系客服
          </Button>
        </View>
      ) : null}
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
        ) : canAfterSale || canReceive ? (
          <View className='order__actions'>
            {canAfterSale ? (
              <View className='order__btn' aria-role='button' onClick={() => go(routes.afterSale(order.id))}>
                申请售后
              </View>
            ) : null}
            {canReceive ? (
              <View className='order__btn order__btn--primary' aria-role='button' aria-disabled={busy} onClick={() => void receive()}>
                {busy ? '请稍候…' : '确认收货'}
              </View>
            ) : null}
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
