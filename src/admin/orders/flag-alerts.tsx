/** Payment problems WeChat Pay reported (e.g. an amount that does not match the order), until resolved. */
import { Alert, Badge, Button, List, Popover } from 'antd'
import { BellOutlined } from '@ant-design/icons'
import { useEffect, useState } from 'react'
import type { Flag } from '../api/types'
import { formatTime } from '../common/format'
import { useNotify } from '../common/notify'
import { ordersApi } from './orders-api'

export const FLAG_LABELS: Record<string, string> = {
  amount_mismatch: '金额不一致',
  AMOUNT_MISMATCH: '金额不一致'
}
export const flagLabel = (f: Flag) => FLAG_LABELS[f.kind] ?? f.kind

function useOpenFlags(): Flag[] {
  const [flags, setFlags] = useState<Flag[]>([])
  const notify = useNotify()
  useEffect(() => {
    ordersApi.flags().then((all) => setFlags(all.filter((f) => !f.resolvedAt)), (e: unknown) => notify.error(e))
  }, [notify])
  return flags
}

function FlagLine({ flag }: { flag: Flag }) {
  return (
    <span>
      {`【${flagLabel(flag)}】${flag.message} · ${formatTime(flag.createdAt)} `}
      {flag.orderId && <a href={`#/orders/${flag.orderId}`}>{flag.outTradeNo ? `查看订单 ${flag.outTradeNo}` : '查看订单'}</a>}
    </span>
  )
}

export function FlagAlerts() {
  const flags = useOpenFlags()
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
  const flags = useOpenFlags()
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
