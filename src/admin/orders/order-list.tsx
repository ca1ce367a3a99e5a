/** Orders with filters (status, time); flagged payment problems on top. */
import { DownloadOutlined } from '@ant-design/icons'
import { Button, DatePicker, Select, Space, Table, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { formatFen } from '@core/money'
import { ORDER_STATUSES, ORDER_STATUS_LABELS, type OrderStatus } from '@core/order'
import { orderSummaryText } from '@core/order-summary'
import { download } from '../api/download'
import type { OrderSummary } from '@core/contract/admin-orders'
import { formatTime } from '../common/format'
import { useNotify } from '../common/notify'
import { usePageTitles } from '../content/page-queries'
import { ErrorBanner } from '../query/query-state'
import { FlagAlerts } from './flag-alerts'
import { OrderStatusTag } from './order-status'
import { useOrderPages } from './order-queries'
import { ordersApi } from './orders-api'

export function OrderList({ title = '订单', statuses = ORDER_STATUSES as readonly OrderStatus[], initialStatus }: { title?: string; statuses?: readonly OrderStatus[]; initialStatus?: OrderStatus }) {
  const [status, setStatus] = useState<OrderStatus | undefined>(initialStatus)
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null)
  const [exporting, setExporting] = useState(false)
  const notify = useNotify()
  const from = range?.[0]?.startOf('day').format()
  const to = range?.[1]?.endOf('day').format()
  const query = useOrderPages({ status, from, to })
  const orders = query.data?.pages.flatMap((p) => p.items)
  const navigate = useNavigate()
  const titleOf = usePageTitles()

  const exportCsv = async () => {
    setExporting(true)
    try {
      const path = ordersApi.exportPath({ status, from, to })
      notify.success(`已开始下载 ${await download(path, `订单-${dayjs().format('YYYYMMDD-HHmm')}.csv`)}`)
    } catch (e) {
      notify.error(e)
    } finally {
      setExporting(false)
    }
  }

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      <FlagAlerts />
      <Space wrap>
        <Select
          aria-label="订单状态"
          allowClear
          placeholder="全部状态"
          style={{ width: 160 }}
          value={status}
          onChange={(v?: OrderStatus) => setStatus(v)}
          options={statuses.map((s) => ({ value: s, label: ORDER_STATUS_LABELS[s] }))}
        />
        <DatePicker.RangePicker aria-label="下单时间" value={range} onChange={(v) => setRange(v)} />
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportCsv()}>
          导出订单
        </Button>
      </Space>
      <ErrorBanner query={query} />
      <Table<OrderSummary>
        rowKey="id"
        loading={query.isPending}
        dataSource={orders ?? []}
        pagination={false}
        locale={{ emptyText: status || range ? '没有符合条件的订单' : '还没有订单' }}
        onRow={(o) => ({ onClick: () => void navigate(`/orders/${o.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: '订单号', dataIndex: 'outTradeNo', render: (n: string, o) => <Link to={`/orders/${o.id}`}>{n}</Link> },
          { title: '下单时间', dataIndex: 'createdAt', render: formatTime },
          { title: '状态', dataIndex: 'status', render: (s: OrderStatus) => <OrderStatusTag status={s} /> },
          { title: '金额', dataIndex: 'totalFen', render: (f: number, o) => (o.refundedFen ? `${formatFen(f)}（已退 ${formatFen(o.refundedFen)}）` : formatFen(f)) },
          { title: '商品', key: 'items', render: (_, o) => orderSummaryText(o.items) },
          { title: '收货人', key: 'name', render: (_, o) => o.address.name },
          { title: '来源内容', key: 'content', render: (_, o) => titleOf(o.attribution?.contentSlug) ?? '—' }
        ]}
      />
      {query.hasNextPage && (
        <Button loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
          加载更多
        </Button>
      )}
    </Space>
  )
}

export function OrdersScreen() {
  return <OrderList />
}
