/** Order status as a tag, with core's Chinese labels. */
import { Tag } from 'antd'
import { ORDER_STATUS_LABELS, type OrderStatus } from '@core/order'

const COLORS: Record<OrderStatus, string> = {
  pending_payment: 'default',
  paid: 'blue',
  shipped: 'cyan',
  completed: 'green',
  closed: 'default',
  refunding: 'orange',
  refunded: 'red'
}

export function OrderStatusTag({ status }: { status: OrderStatus }) {
  return <Tag color={COLORS[status]}>{ORDER_STATUS_LABELS[status] ?? status}</Tag>
}
