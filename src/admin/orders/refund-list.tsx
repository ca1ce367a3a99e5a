/**
 * 退款: orders with money going back — refunding, refunded, or partly
 * refunded (which return to their paid status). The API has no refund list
 * and filters orders by one status only, so this reads recent orders (up to
 * MAX_ORDERS, newest first, in the chosen time range) and keeps those.
 */
import { Alert, DatePicker, Space, Table, Typography } from 'antd'
import type { Dayjs } from 'dayjs'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { formatFen } from '@core/money'
import type { OrderStatus } from '@core/contract/orders'
import type { OrderSummary } from '@core/contract/admin-orders'
import { formatTime } from '../common/format'
import { keys } from '../query/query-client'
import { ErrorBanner } from '../query/query-state'
import { OrderStatusTag } from './order-status'
import { ordersApi } from './orders-api'

const MAX_ORDERS = 500

export function hasRefund(o: Pick<OrderSummary, 'status' | 'refundedFen'>): boolean {
  return o.status === 'refunding' || o.status === 'refunded' || (o.refundedFen ?? 0) > 0
}

async function refundedOrders(from: string | undefined, to: string | undefined): Promise<{ rows: OrderSummary[]; truncated: boolean }> {
  const found: OrderSummary[] = []
  let cursor: string | undefined
  let read = 0
  do {
    const page = await ordersApi.list({ from, to, cursor })
    read += page.items.length
    found.push(...page.items.filter(hasRefund))
    cursor = page.nextCursor ?? undefined
  } while (cursor && read < MAX_ORDERS)
  return { rows: found, truncated: Boolean(cursor) }
}

export function RefundList() {
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null)
  const from = range?.[0]?.startOf('day').format()
  const to = range?.[1]?.endOf('day').format()
  const query = useQuery({ queryKey: keys.orders.refunds({ from, to }), queryFn: () => refundedOrders(from, to) })
  const navigate = useNavigate()
  const rows = query.data?.rows
  const truncated = query.data?.truncated ?? false

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        退款
      </Typography.Title>
      <DatePicker.RangePicker aria-label="下单时间" value={range} onChange={(v) => setRange(v)} />
      {truncated && <Alert type="info" showIcon message={`只查看了最近 ${MAX_ORDERS} 笔订单；更早的退款请缩小下单时间范围`} />}
      <ErrorBanner query={query} />
      <Table<OrderSummary>
        rowKey="id"
        loading={query.isPending}
        dataSource={rows ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '这段时间没有退款' }}
        onRow={(o) => ({ onClick: () => void navigate(`/orders/${o.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: '订单号', dataIndex: 'outTradeNo', render: (n: string, o) => <Link to={`/orders/${o.id}`}>{n}</Link> },
          { title: '状态', dataIndex: 'status', render: (s: OrderStatus) => <OrderStatusTag status={s} /> },
          { title: '订单金额', dataIndex: 'totalFen', render: formatFen },
          { title: '已退金额', dataIndex: 'refundedFen', render: (f?: number) => formatFen(f ?? 0) },
          { title: '收货人', key: 'name', render: (_, o) => o.address.name },
          { title: '下单时间', dataIndex: 'createdAt', render: formatTime }
        ]}
      />
    </Space>
  )
}
