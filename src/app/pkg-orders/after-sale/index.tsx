// 申请售后: kind (only what core's rules allow for this order), reason, amount
// (defaulting to and capped by what is still refundable), note and up to 6 photos,
// checked with core's request schema before the server checks it again.
import { useState } from 'react'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { useLoad, useRouter } from '@tarojs/taro'
import type { AfterSaleKind } from '@core/contract/after-sales'
import type { OrderDto } from '@core/contract/orders'
import { AFTER_SALE_KIND_LABELS } from '@core/after-sale'
import { formatAttrs } from '@core/catalog'
import { AFTER_SALE_MAX_IMAGES, AFTER_SALE_NOTE_MAX, AFTER_SALE_REASONS, validateAfterSaleRequest } from '@core/after-sale-input'
import { formatFen } from '@core/money'
import { parseRefundAmount } from '@core/refundable'
import { EmptyState } from '../../components/empty-state'
import { ErrorState } from '../../components/error-state'
import { LoadingView } from '../../components/loading-view'
import { NoticeBar } from '../../components/notice-bar'
import { afterSaleKindsFor, hasOpenAfterSale, refundableOf } from '../../components/orders/after-sale-offer'
import { ChoiceChips } from '../../components/orders/choice-chips'
import { PhotoPicker, type PhotoSlot } from '../../components/orders/photo-picker'
import { usePageView } from '../../hooks/use-page-view'
import { refusalText, requestAfterSale } from '../../services/after-sale-api'
import { newId } from '../../services/ids'
import { pickPhotos, uploadPhoto } from '../../services/media'
import { back, go, routes, toast } from '../../services/nav'
import { getOrder } from '../../services/order-api'
import '../../components/orders/form.css'
import './index.css'

const KIND_HINTS: Record<AfterSaleKind, string> = {
  refund: '未收到货，或与商家协商只退款',
  return: '已收到货，需要寄回商品'
}

type Slot = PhotoSlot & { size?: number }

const yuan = (fen: number) => (fen / 100).toFixed(2)

function unavailable(order: OrderDto): { title: string; hint: string } {
  if (hasOpenAfterSale(order)) return { title: '已有处理中的售后申请', hint: '请在订单详情查看处理进度，或撤销后重新申请' }
  if (order.status === 'pending_payment') return { title: '订单还未支付', hint: '未支付的订单可以直接取消' }
  if (order.status === 'refunding') return { title: '订单正在退款', hint: '请等这笔退款完成后再申请' }
  return { title: '这笔订单暂不能申请售后', hint: '如有问题，请在订单详情联系客服' }
}

export default function AfterSalePage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const [order, setOrder] = useState<OrderDto | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [kind, setKind] = useState<AfterSaleKind | null>(null)
  const [reason, setReason] = useState<string | null>(null)
  const [amount, setAmount] = useState('')
  const [note, setNote] = useState('')
  const [photos, setPhotos] = useState<Slot[]>([])
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  usePageView('pkg-orders/after-sale/index')

  const load = async () => {
    try {
      const current = await getOrder(id)
      const kinds = afterSaleKindsFor(current, Date.now())
      setOrder(current)
      setLoadError(null)
      setKind(kinds.length === 1 ? kinds[0] : null)
      setAmount(yuan(refundableOf(current)))
    } catch (e) {
      setLoadError(refusalText(e))
    }
  }
  useLoad(() => void load())

  const patch = (key: string, change: Partial<Slot>) => setPhotos((list) => list.map((p) => (p.key === key ? { ...p, ...change } : p)))

  const upload = async (slot: Slot) => {
    patch(slot.key, { state: 'uploading', error: undefined })
    try {
      patch(slot.key, { state: 'done', url: await uploadPhoto({ path: slot.path, size: slot.size }) })
    } catch (e) {
      const message = refusalText(e)
      patch(slot.key, { state: 'failed', error: message })
      toast(message)
    }
  }

  const addPhotos = async () => {
    try {
      const picked = await pickPhotos(AFTER_SALE_MAX_IMAGES - photos.length)
      const slots: Slot[] = picked.slice(0, AFTER_SALE_MAX_IMAGES - photos.length).map((p) => ({ key: newId('ph'), path: p.path, size: p.size, state: 'uploading' }))
      setPhotos((list) => [...list, ...slots])
      await Promise.all(slots.map(upload))
    } catch (e) {
      toast((e as Error).message)
    }
  }

  const submit = async () => {
    if (!order || busy) return
    if (photos.some((p) => p.state === 'uploading')) return setProblem('图片还在上传，请稍候再提交')
    if (photos.some((p) => p.state === 'failed')) return setProblem('有图片上传失败，请点图片重试或删除后再提交')
    const refundable = refundableOf(order)
    const parsed = parseRefundAmount(amount, refundable)
    if (!parsed.ok) return setProblem(parsed.error.message)
    const checked = validateAfterSaleRequest({
      kind: kind ?? undefined,
      reason: reason ?? '',
      amountFen: parsed.value,
      ...(note.trim() ? { note } : {}),
      images: photos.map((p) => p.url as string)
    })
    if (!checked.ok) return setProblem(checked.error.message)
    setProblem(null)
    setBusy(true)
    try {
      await requestAfterSale(order.id, checked.value)
      toast('申请已提交', 'success')
      back(routes.order(order.id))
    } catch (e) {
      setProblem(refusalText(e))
    } finally {
      setBusy(false)
    }
  }

  if (loadError && !order) return <ErrorState message={loadError} onRetry={() => void load()} />
  if (!order) return <LoadingView cards={1} />
  const kinds = afterSaleKindsFor(order, Date.now())
  if (kinds.length === 0) {
    const why = unavailable(order)
    return <EmptyState art='problem' title={why.title} hint={why.hint} actionText='查看订单' onAction={() => go(routes.order(order.id))} />
  }
  const refundable = refundableOf(order)

  return (
    <View className='after-sale-form'>
      <View className='form-card' aria-label='订单商品'>
        {order.items.map((item) => (
          <View className='after-sale-form__item' key={item.skuId}>
            <Text className='after-sale-form__item-title'>{item.title}</Text>
            <Text className='after-sale-form__item-attrs'>
              {[formatAttrs(item.attrs), `× ${item.qty}`].filter(Boolean).join('  ')}
            </Text>
          </View>
        ))}
      </View>
      <View className='form-card'>
        <Text className='form-card__title'>售后类型</Text>
        <ChoiceChips label='售后类型' wide options={kinds.map((k) => ({ value: k, label: AFTER_SALE_KIND_LABELS[k], hint: KIND_HINTS[k] }))} value={kind} onChange={setKind} />
        {!kinds.includes('return') ? <Text className='form-card__hint'>订单还未发货，可申请仅退款，商家同意后原路退回</Text> : null}
      </View>
      <View className='form-card'>
        <Text className='form-card__title'>售后原因</Text>
        <ChoiceChips label='售后原因' options={AFTER_SALE_REASONS.map((r) => ({ value: r, label: r }))} value={reason} onChange={setReason} />
      </View>
      <View className='form-card'>
        <Text className='form-card__title'>退款金额</Text>
        <View className='form-amount'>
          <Text className='form-amount__sign'>¥</Text>
          <Input className='form-amount__input' type='digit' value={amount} aria-label='退款金额' onInput={(e) => setAmount(e.detail.value)} />
        </View>
        <Text className='form-card__hint'>
          最多可退 {formatFen(refundable)}
          {order.refundedFen > 0 ? `（已退 ${formatFen(order.refundedFen)}）` : ''}，退款将原路退回
        </Text>
      </View>
      <View className='form-card'>
        <Text className='form-card__title'>
          补充说明<Text className='form-card__title-note'>选填</Text>
        </Text>
        <Textarea
          className='form-textarea'
          value={note}
          maxlength={AFTER_SALE_NOTE_MAX}
          placeholder='请描述遇到的问题，方便商家尽快处理'
          aria-label='补充说明'
          onInput={(e) => setNote(e.detail.value)}
        />
      </View>
      <View className='form-card'>
        <Text className='form-card__title'>
          上传凭证<Text className='form-card__title-note'>选填，最多 {AFTER_SALE_MAX_IMAGES} 张</Text>
        </Text>
        <PhotoPicker
          photos={photos}
          max={AFTER_SALE_MAX_IMAGES}
          onAdd={() => void addPhotos()}
          onRemove={(key) => setPhotos((list) => list.filter((p) => p.key !== key))}
          onRetry={(key) => {
            const slot = photos.find((p) => p.key === key)
            if (slot) void upload(slot)
          }}
        />
      </View>
      {problem ? <NoticeBar tone='warn' text={problem} /> : null}
      <View className='form-bar'>
        <View className='form-bar__submit' aria-role='button' aria-disabled={busy} onClick={() => void submit()}>
          {busy ? '正在提交…' : '提交申请'}
        </View>
      </View>
    </View>
  )
}
