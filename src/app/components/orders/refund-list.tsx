// 退款记录: each refund of the order as WeChat Pay is carrying it out.
import { Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import type { ShopperRefundDto, ShopperRefundStatus } from '@core/contract/after-sales'
import { Price } from '../price'
import './orders.css'

export const REFUND_STATUS_LABELS: Record<ShopperRefundStatus, string> = {
  processing: '退款中',
  succeeded: '已退款',
  failed: '退款失败'
}

const HINTS: Record<ShopperRefundStatus, (r: ShopperRefundDto) => string> = {
  processing: () => '款项将原路退回，通常 1–3 个工作日到账',
  succeeded: (r) => `已原路退回${r.settledAt ? ` · ${dayjs(r.settledAt).format('MM-DD HH:mm')}` : ''}`,
  failed: () => '退款未成功，商家会重新处理，如有疑问请联系客服'
}

export function RefundList({ refunds }: { refunds: ShopperRefundDto[] }) {
  if (refunds.length === 0) return null
  return (
    <View className='orders-card' aria-label='退款记录'>
      <View className='orders-card__head'>
        <Text className='orders-card__title'>退款记录</Text>
      </View>
      {refunds.map((r) => (
        <View className='refund' key={r.id} aria-label={`退款 ${REFUND_STATUS_LABELS[r.status]}`}>
          <View className='refund__line'>
            <Text className={`refund__status refund__status--${r.status}`}>{REFUND_STATUS_LABELS[r.status]}</Text>
            <Price fen={r.amountFen} size='sm' />
          </View>
          <Text className='refund__hint'>
            {dayjs(r.createdAt).format('YYYY-MM-DD HH:mm')} 申请 · {HINTS[r.status](r)}
          </Text>
        </View>
      ))}
    </View>
  )
}
