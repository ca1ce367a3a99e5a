// 购物车 (tab): the device's cart, priced by the server, with each line's problem.
import { Text, View } from '@tarojs/components'
import { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { isPayableLine } from '@core/cart'
import { itemCountText } from '@core/order-summary'
import { CartRow } from '../../components/cart-row'
import { EmptyState } from '../../components/empty-state'
import { ErrorState } from '../../components/error-state'
import { LoadingView } from '../../components/loading-view'
import { NoticeBar } from '../../components/notice-bar'
import { Price } from '../../components/price'
import { usePageView } from '../../hooks/use-page-view'
import { go, routes, stopPullDownRefresh, toast } from '../../services/nav'
import { useCartStore } from '../../stores/cart-store'
import { cartView } from '../../stores/cart-view'
import { useCheckoutStore } from '../../stores/checkout-store'
import './index.css'

export default function CartPage() {
  const { lines, priced, status, error, sync, setQty, remove, acceptPrices } = useCartStore()
  const startCheckout = useCheckoutStore((s) => s.start)
  usePageView('pages/cart/index')
  useDidShow(() => {
    if (useCartStore.getState().lines.length > 0) void sync()
  })
  usePullDownRefresh(() => void sync().finally(stopPullDownRefresh))

  const view = cartView(lines, priced)
  const checkout = () => {
    const payable = view.rows.filter((r) => isPayableLine(r) && r.productId !== null)
    if (payable.length === 0) return
    startCheckout(
      'cart',
      payable.map((r) => ({ skuId: r.skuId, qty: r.qty, productId: r.productId as string, title: r.title, attrs: r.attrs, priceFen: r.priceFen, image: r.image }))
    )
    go(routes.checkout)
  }
  const changeQty = (skuId: string, qty: number) => {
    const result = setQty(skuId, qty)
    if (!result.ok) toast(result.error.message)
    else void sync()
  }

  let body
  if (lines.length === 0) {
    body = <EmptyState art='cart' title='购物车还是空的' hint='在故事里遇到喜欢的，就放进来吧' actionText='去逛逛' onAction={() => go(routes.home)} />
  } else if (!priced && status === 'error') {
    body = <ErrorState message={error ?? '购物车加载失败'} onRetry={() => void sync()} />
  } else if (!priced) {
    body = <LoadingView cards={1} />
  } else {
    body = (
      <View className='cart__list'>
        {status === 'error' && error ? <NoticeBar tone='warn' text={`价格更新失败：${error}，下拉可重试`} /> : null}
        {view.hasProblems ? <NoticeBar tone='warn' text='部分商品暂时无法购买，结算时不包含这些商品' /> : null}
        {view.rows.map((row) => (
          <CartRow
            key={row.skuId}
            row={row}
            onQty={(qty) => changeQty(row.skuId, qty)}
            onRemove={() => {
              remove(row.skuId)
              void sync()
            }}
            onAcceptPrice={acceptPrices}
            onOpen={row.productId ? () => go(routes.product(row.productId as string)) : undefined}
          />
        ))}
      </View>
    )
  }

  return (
    <View className='cart'>
      <View className='cart__head'>
        <Text className='cart__count'>{lines.length > 0 ? itemCountText(lines) : ''}</Text>
        <Text className='cart__orders' aria-role='button' onClick={() => go(routes.orders())}>
          我的订单 ›
        </Text>
      </View>
      {body}
      {lines.length > 0 ? (
        <View className='cart__bar tab-fixed-bar'>
          <Text className='cart__total-label'>合计</Text>
          <Price fen={view.totalFen} size='lg' />
          <View className={`cart__checkout${view.payableCount > 0 ? '' : ' cart__checkout--off'}`} aria-role='button' aria-disabled={view.payableCount === 0} onClick={checkout}>
            结算({view.payableCount})
          </View>
        </View>
      ) : null}
    </View>
  )
}
