/** After-sales status as a tag, with core's Chinese labels. */
import { Tag } from 'antd'
import { AFTER_SALE_STATUS_LABELS, type AfterSaleStatus } from '@core/after-sale'

const COLORS: Record<AfterSaleStatus, string> = {
  requested: 'orange',
  approved: 'blue',
  awaiting_return: 'gold',
  returned: 'cyan',
  refunding: 'processing',
  refunded: 'green',
  rejected: 'red',
  cancelled: 'default'
}

export function AfterSaleStatusTag({ status }: { status: AfterSaleStatus }) {
  return <Tag color={COLORS[status]}>{AFTER_SALE_STATUS_LABELS[status] ?? status}</Tag>
}
