// 退货物流: after the shop approved a return, the shopper names the carrier (from
// WeChat's delivery-company list the backend caches) and the tracking number.
import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import { useLoad, useRouter } from '@tarojs/taro'
import type { OrderDto } from '@core/contract/orders'
import type { Carrier } from '@core/contract/shipping'
import { allowedAfterSaleActions } from '@core/after-sale'
import { validateReturnShipment } from '@core/after-sale-input'
import { EmptyState } from '../../components/empty-state'
import { ErrorState } from '../../components/error-state'
import { LoadingView } from '../../components/loading-view'
import { NoticeBar } from '../../components/notice-bar'
import { ChoiceChips } from '../../components/orders/choice-chips'
import { usePageView } from '../../hooks/use-page-view'
import { listCarriers, refusalText, sendReturnShipment } from '../../services/after-sale-api'
import { back, go, routes, toast } from '../../services/nav'
import { getOrder } from '../../services/order-api'
import { hasInAppContact } from '../../services/support'
import '../../components/orders/form.css'
import './index.css'

// The companies most parcels go with come first; the rest are found by search.
const COMMON = ['SF', 'ZTO', 'YTO', 'STO', 'YD', 'JTSD', 'EMS', 'JD', 'DBL']
const SHOWN = 12

function visible(carriers: Carrier[], query: string, chosen: string | null): Carrier[] {
  const q = query.trim().toLowerCase()
  const rank = (c: Carrier) => (COMMON.includes(c.code) ? COMMON.indexOf(c.code) : COMMON.length)
  const matches = carriers.filter((c) => !q || c.name.toLowerCase().includes(q) || c.code.toLowerCase().includes(q)).sort((a, b) => rank(a) - rank(b))
  const shown = matches.slice(0, SHOWN)
  const picked = carriers.find((c) => c.code === chosen)
  return picked && !shown.includes(picked) ? [picked, ...shown] : shown
}

export default function ReturnParcelPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const [order, setOrder] = useState<OrderDto | null>(null)
  const [carriers, setCarriers] = useState<Carrier[] | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [query, setQuery] = useState('')
  const [carrier, setCarrier] = useState<string | null>(null)
  const [trackingNo, setTrackingNo] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  usePageView('pkg-orders/return/index')

  const load = async () => {
    try {
      const [current, list] = await Promise.all([getOrder(id), listCarriers()])
      setOrder(current)
      setCarriers(list)
      setLoadError(null)
      const sent = current.afterSale?.returnShipment
      if (sent) {
        setCarrier(sent.carrier.code)
        setTrackingNo(sent.trackingNo)
      }
    } catch (e) {
      setLoadError(refusalText(e))
    }
  }
  useLoad(() => void load())

  const submit = async () => {
    const afterSale = order?.afterSale
    if (!afterSale || busy) return
    const checked = validateReturnShipment({ carrierCode: carrier ?? '', trackingNo })
    if (!checked.ok) return setProblem(checked.error.message)
    setProblem(null)
    setBusy(true)
    try {
      await sendReturnShipment(afterSale.id, checked.value)
      toast('退货物流已提交', 'success')
      back(routes.order(id))
    } catch (e) {
      setProblem(refusalText(e))
    } finally {
      setBusy(false)
    }
  }

  if (loadError && !order) return <ErrorState message={loadError} onRetry={() => void load()} />
  if (!order || !carriers) return <LoadingView cards={1} />
  const afterSale = order.afterSale
  if (!afterSale || !allowedAfterSaleActions(afterSale).includes('ship_return')) {
    return <EmptyState art='goods' title='现在无需寄回商品' hint='商家同意退货后，再来填写退货物流' actionText='查看订单' onAction={() => go(routes.order(id))} />
  }
  const options = visible(carriers, query, carrier)

  return (
    <View className='return-form'>
      <NoticeBar text='请将商品寄回商家，并填写寄回的快递单号；商家收到后为你退款。退货地址请联系客服确认。' />
      {hasInAppContact() ? (
        <View className='return-form__help'>
          <Button className='return-form__contact' openType='contact' sessionFrom={`return:${id}`}>
            联系客服确认退货地址
          </Button>
        </View>
      ) : null}
      <View className='form-card'>
        <Text className='form-card__title'>快递公司</Text>
        <Input className='form-input' value={query} placeholder='搜索快递公司，如 顺丰' aria-label='搜索快递公司' onInput={(e) => setQuery(e.detail.value)} />
        <View className='return-form__carriers'>
          {options.length > 0 ? (
            <ChoiceChips label='快递公司' options={options.map((c) => ({ value: c.code, label: c.name }))} value={carrier} onChange={setCarrier} />
          ) : (
            <Text className='form-card__hint'>没有找到「{query}」，换个关键词试试</Text>
          )}
        </View>
      </View>
      <View className='form-card'>
        <Text className='form-card__title'>快递单号</Text>
        <Input className='form-input' value={trackingNo} placeholder='请填写寄回的快递单号' aria-label='快递单号' onInput={(e) => setTrackingNo(e.detail.value)} />
      </View>
      {problem ? <NoticeBar tone='warn' text={problem} /> : null}
      <View className='form-bar'>
        <View className='form-bar__submit' aria-role='button' aria-disabled={busy} onClick={() => void submit()}>
          {busy ? '正在提交…' : '提交退货物流'}
        </View>
      </View>
    </View>
  )
}
