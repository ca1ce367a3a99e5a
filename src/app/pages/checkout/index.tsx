// 结算: address (WeChat's address book, or the form), the summary with the best usable
// coupon (changeable, or none; 优惠 and 实付 previewed by core's rules), then submit →
// pay → the order page, which shows the result the server confirms.
import { useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import dayjs from 'dayjs'
import type { Address } from '@core/contract/orders'
import { formatAttrs } from '@core/catalog'
import { itemsTotalFen } from '@core/cart'
import { itemCount } from '@core/order-summary'
import { formatFen } from '@core/money'
import { AddressForm } from '../../components/address-form'
import { CouponPicker } from '../../components/coupon-picker'
import { EmptyState } from '../../components/empty-state'
import { NoticeBar } from '../../components/notice-bar'
import { Price } from '../../components/price'
import { useCheckoutCoupons } from '../../hooks/use-checkout-coupons'
import { usePageView } from '../../hooks/use-page-view'
import { chooseWechatAddress } from '../../services/address'
import { payForOrder, placeOrder } from '../../services/checkout'
import { ApiError } from '../../services/http'
import { orderAmounts } from '../../services/order-api'
import { askForOrderUpdates } from '../../services/subscriptions'
import { go, replace, routes, toast } from '../../services/nav'
import { tracker } from '../../services/tracker'
import { useCartStore } from '../../stores/cart-store'
import { useCheckoutStore } from '../../stores/checkout-store'
import './index.css'

/** 409 NOT_ON_SALE: a product's launch (a content page's countdown) has not come yet. */
function notOnSaleText(details: unknown, items: ReadonlyArray<{ skuId: string; productId?: string; title: string }>): string {
  const d = (details ?? {}) as { skuId?: string; productId?: string; until?: string; launchAt?: string; onSaleAt?: string }
  const item = items.find((i) => (d.skuId && i.skuId === d.skuId) || (d.productId && i.productId === d.productId))
  const at = d.until ?? d.launchAt ?? d.onSaleAt
  const when = at && dayjs(at).isValid() ? `，${dayjs(at).format('M月D日 HH:mm')} 开售` : ''
  return `${item ? `「${item.title}」` : '部分商品'}尚未开售${when}，请移除后再提交`
}

export default function CheckoutPage() {
  const { items, source, address, attemptKey, setAddress, finish } = useCheckoutStore()
  const [manual, setManual] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  // Shown inside the address block at the top, where the shopper is taken; gone once an address exists.
  const [addressWanted, setAddressWanted] = useState(false)
  const [busy, setBusy] = useState(false)
  const [choosingCoupon, setChoosingCoupon] = useState(false)
  // The server's amounts once the order exists: shown while the cashier is up (the items have left the checkout).
  const [placed, setPlaced] = useState<ReturnType<typeof orderAmounts> | null>(null)
  const coupons = useCheckoutCoupons(items)
  usePageView('pages/checkout/index')
  useLoad(() => {
    const current = useCheckoutStore.getState().items
    if (current.length > 0) tracker.track('checkout_start', { qty: Math.min(99, itemCount(current)), props: { source, lines: current.length } })
  })

  const pickAddress = async () => {
    const chosen = await chooseWechatAddress()
    if (chosen.status === 'chosen') setAddress(chosen.address)
    else if (chosen.status === 'unavailable') setManual(chosen.reason)
  }

  const submit = async () => {
    if (busy) return
    if (!address) {
      setAddressWanted(true)
      void Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch((e: unknown) => console.error('checkout: scrolling to the address failed', e))
      return
    }
    setBusy(true)
    setProblem(null)
    // Asked inside the tap (WeChat shows the dialog only from a gesture), answered
    // while the order is placed; the cashier opens after it. It never rejects.
    const asked = askForOrderUpdates()
    let orderId: string
    try {
      const order = await placeOrder(items.map(({ skuId, qty }) => ({ skuId, qty })), address, attemptKey, coupons.selected?.id)
      orderId = order.id
      setPlaced(orderAmounts(order))
      finish()
      if (source === 'cart') {
        useCartStore.getState().removeMany(items.map((i) => i.skuId))
        void useCartStore.getState().sync()
      }
    } catch (e) {
      setBusy(false)
      if (e instanceof ApiError && e.code === 'OUT_OF_STOCK') {
        const skuId = (e.details as { skuId?: string } | undefined)?.skuId
        const item = items.find((i) => i.skuId === skuId)
        setProblem(item ? `「${item.title}」库存不足，请返回调整数量` : '部分商品库存不足，请返回调整')
      } else if (e instanceof ApiError && e.code === 'NOT_ON_SALE') {
        setProblem(notOnSaleText(e.details, items))
      } else if (e instanceof ApiError && e.code.startsWith('COUPON_')) {
        // Used elsewhere, expired, or the cart no longer qualifies: the server's word stands.
        setProblem('所选优惠券当前不可用，已为你重新选择，请确认后再提交')
        coupons.reload()
      } else {
        setProblem((e as Error).message)
      }
      return
    }
    await asked
    try {
      const paid = await payForOrder(orderId)
      if (paid.outcome === 'redirected') return
      if (paid.outcome === 'failed') toast(paid.message)
      replace(routes.order(orderId, paid.outcome === 'paid' ? 'paid' : paid.outcome === 'cancelled' ? 'cancel' : undefined))
    } catch (e) {
      // The order exists and stays payable: show it, with the reason.
      toast((e as Error).message)
      replace(routes.order(orderId))
    }
  }

  if (placed) {
    // The order exists (the items left the checkout): while the cashier is up, the server's amounts.
    return (
      <View className='checkout checkout--placed' aria-label='订单已提交'>
        <Text className='checkout__placed-title'>订单已提交，正在打开支付…</Text>
        <View className='checkout__section checkout__items'>
          <View className='checkout__line'>
            <Text>商品合计</Text>
            <Price fen={placed.totalFen} size='sm' />
          </View>
          {placed.discountFen > 0 ? (
            <View className='checkout__line checkout__discount' aria-label='优惠'>
              <Text>优惠{placed.couponTitle ? `（${placed.couponTitle}）` : ''}</Text>
              <Text className='checkout__discount-value'>-{formatFen(placed.discountFen)}</Text>
            </View>
          ) : null}
          <View className='checkout__line' aria-label='实付金额'>
            <Text>实付</Text>
            <Price fen={placed.payableFen} size='lg' />
          </View>
        </View>
      </View>
    )
  }

  if (items.length === 0) {
    return <EmptyState art='cart' title='没有要结算的商品' hint='去购物车选好商品再来结算吧' actionText='去购物车' onAction={() => go(routes.cart)} />
  }

  const totalFen = itemsTotalFen(items)
  const units = itemCount(items)
  const discountFen = coupons.discountFen
  const payableFen = totalFen - (discountFen ?? 0)
  const couponText = coupons.loading
    ? '加载中…'
    : coupons.selected
      ? coupons.selected.title
      : coupons.fittingCount > 0
        ? `${coupons.fittingCount} 张可用`
        : '暂无可用'

  return (
    <View className='checkout'>
      <View className={`checkout__section${addressWanted && !address ? ' checkout__section--wanted' : ''}`}>
        {addressWanted && !address ? <NoticeBar tone='warn' text='请先填写收货地址' /> : null}
        {manual !== null ? (
          <View>
            <NoticeBar text={manual} />
            <AddressForm
              initial={address}
              onSave={(a: Address) => {
                setAddress(a)
                setManual(null)
              }}
              onCancel={address ? () => setManual(null) : undefined}
            />
          </View>
        ) : address ? (
          <View className='checkout__address' aria-label='收货地址'>
            <View className='checkout__address-main'>
              <Text className='checkout__address-who'>
                {address.name} {address.phone}
              </Text>
              <Text className='checkout__address-where'>
                {address.province}
                {address.city}
                {address.district} {address.detail}
              </Text>
            </View>
            <View className='checkout__address-actions'>
              <Text className='checkout__link' aria-role='button' onClick={() => void pickAddress()}>
                更换
              </Text>
              <Text className='checkout__link' aria-role='button' onClick={() => setManual('')}>
                编辑
              </Text>
            </View>
          </View>
        ) : (
          <View className='checkout__address checkout__address--empty'>
            <View className='checkout__choose' aria-role='button' onClick={() => void pickAddress()}>
              选择微信收货地址
            </View>
            <Text className='checkout__link' aria-role='button' onClick={() => setManual('')}>
              手动填写
            </Text>
          </View>
        )}
      </View>
      <View className='checkout__section checkout__items' aria-label='订单商品'>
        {items.map((item) => (
          <View className='checkout__item' key={item.skuId}>
            {item.image ? <Image className='checkout__thumb' src={item.image} mode='aspectFill' aria-label={item.title} /> : <View className='checkout__thumb' />}
            <View className='checkout__item-body'>
              <Text className='checkout__item-title'>{item.title}</Text>
              <Text className='checkout__item-attrs'>{formatAttrs(item.attrs)}</Text>
              <View className='checkout__item-foot'>
                <Price fen={item.priceFen} size='sm' />
                <Text className='checkout__item-qty'>× {item.qty}</Text>
              </View>
            </View>
          </View>
        ))}
        <View className='checkout__line'>
          <Text>商品合计（{units} 件）</Text>
          <Price fen={totalFen} size='sm' />
        </View>
        <View
          className='checkout__line checkout__coupon'
          aria-role='button'
          aria-label={`优惠券 ${couponText}`}
          aria-disabled={coupons.picks.length === 0}
          onClick={() => coupons.picks.length > 0 && setChoosingCoupon(true)}
        >
          <Text>优惠券</Text>
          <Text className={`checkout__coupon-value${coupons.selected ? ' checkout__coupon-value--on' : ''}`}>
            {couponText}
            {coupons.picks.length > 0 ? ' ›' : ''}
          </Text>
        </View>
        {discountFen === null || discountFen > 0 ? (
          <View className='checkout__line checkout__discount' aria-label='优惠'>
            <Text>优惠</Text>
            {discountFen === null ? <Text>提交订单后计算</Text> : <Text className='checkout__discount-value'>-{formatFen(discountFen)}</Text>}
          </View>
        ) : null}
        <View className='checkout__line'>
          <Text>运费</Text>
          <Text>包邮</Text>
        </View>
        <Text className='checkout__note'>实付金额以提交订单时的价格为准</Text>
      </View>
      {problem ? <NoticeBar tone='warn' text={problem} /> : null}
      <View className='checkout__bar'>
        <Text className='checkout__total-label'>实付</Text>
        <View aria-label='实付金额'>
          <Price fen={payableFen} size='lg' />
        </View>
        <View className={`checkout__submit${busy ? ' checkout__submit--busy' : ''}`} aria-role='button' aria-disabled={busy} onClick={() => void submit()}>
          {busy ? '正在提交…' : '提交订单并支付'}
        </View>
      </View>
      {choosingCoupon ? (
        <CouponPicker
          picks={coupons.picks}
          selectedId={coupons.selected?.id ?? null}
          onPick={(id) => {
            coupons.pick(id)
            setChoosingCoupon(false)
          }}
          onClose={() => setChoosingCoupon(false)}
        />
      ) : null}
    </View>
  )
}
