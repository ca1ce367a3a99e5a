/** Payment problems WeChat Pay reported (e.g. an amount that does not match the order), until resolved. */
import { Alert, Badge, Button, List, Popover } from 'antd'
import { BellOutlined } from '@ant-design/icons'
import { Link } from 'react-router'
import type { Flag } from '@core/contract/admin-orders'
import { formatTime } from '../common/format'
import { useOpenFlags } from './order-queries'

export const FLAG_LABELS: Record<string, string> = {
  amount_mismatch: '金额不一致',
  AMOUNT_MISMATCH: '金额不一致'
}
export const flagLabel = (f: Flag) => FLAG_LABELS[f.kind] ?? f.kind

function FlagLine({ flag }: { flag: Flag }) {
  return (
    <span>
      {`【${flagLabel(flag)}】${flag.message} · ${formatTime(flag.createdAt)} `}
      {flag.orderId && <Link to={`/orders/${flag.orderId}`}>{flag.outTradeNo ? `查看订单 ${flag.outTradeNo}` : '查看订单'}</Link>}
    </span>
  )
}

export function FlagAlerts() {
  const flags = useOpenFlags().data ?? []
  if (flags.length === 0) return null
  return (
    <Alert
      type="error"
      showIcon
      message={`有 ${flags.length} 条支付异常需要处理`}
      description={<List size="small" dataSource={flags} renderItem={(f) => <List.Item><FlagLine flag={f} /></List.Item>} />}
    />
  )
}

/** The header bell: how many flags are open, and the list on click. */
export function FlagBell() {
  const flags = useOpenFlags().data ?? []
  return (
    <Popover
      title="支付异常"
      trigger="click"
      content={flags.length === 0 ? '没有待处理的异常' : <List size="small" style={{ maxWidth: 420 }} dataSource={flags} renderItem={(f) => <List.Item><FlagLine flag={f} /></List.Item>} />}
    >
      <Badge count={flags.length} size="small">
        <Button type="text" icon={<BellOutlined />} aria-label={`支付异常 ${flags.length} 条`} />
      </Badge>
    </Popover>
  )
}
