/** Orders with filters (status, time); flagged payment problems on top. */
import { DownloadOutlined } from '@ant-design/icons'
import { Button, DatePicker, Select, Space, Table, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useCallback, useEffect, useState } from 'react'
import { formatFen } from '@core/money'
import { ORDER_STATUSES, ORDER_STATUS_LABELS, type OrderStatus } from '@core/order'
import { orderSummaryText } from '@core/order-summary'
import { download } from '../api/download'
import type { OrderSummary } from '../api/types'
import { formatTime } from '../common/format'
import { useNotify } from '../common/notify'
import { navigate } from '../router'
import { FlagAlerts } from './flag-alerts'
import { OrderStatusTag } from './order-status'
import { ordersApi } from './orders-api'

export function OrderList({ title = '订单', statuses = ORDER_STATUSES as readonly OrderStatus[], initialStatus }: { title?: string; statuses?: readonly OrderStatus[]; initialStatus?: OrderStatus }) {
  const [status, setStatus] = useState<OrderStatus | undefined>(initialStatus)
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null)
  const [orders, setOrders] = useState<OrderSummary[] | null>(null)
  const [next, setNext] = useState<string | null>(null)
  const [exporting, setExporting] = useState(false)
  const notify = useNotify()

  const exportCsv = async () => {
    setExporting(true)
    try {
      const path = ordersApi.exportPath({ status, from: range?.[0]?.startOf('day').format(), to: range?.[1]?.endOf('day').format() })
      notify.success(`已开始下载 ${await download(path, `订单-${dayjs().format('YYYYMMDD-HHmm')}.csv`)}`)
    } catch (e) {
      notify.error(e)
    } finally {
      setExporting(false)
    }
  }

  const load = useCallback(
    async (cursor?: string) => {
      const from = range?.[0]?.startOf('day').format()
      const to = range?.[1]?.endOf('day').format()
      try {
        const page = await ordersApi.list({ status, from, to, cursor })
        setOrders((prev) => (cursor ? [...(prev ?? []), ...page.items] : page.items))
        setNext(page.nextCursor)
      } catch (e) {
        notify.error(e)
        setOrders((prev) => prev ?? [])
      }
    },
    [status, range, notify]
  )
  useEffect(() => {
    setOrders(null)
    void load()
  }, [load])

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
      <Table<OrderSummary>
        rowKey="id"
        loading={orders === null}
        dataSource={orders ?? []}
        pagination={false}
        onRow={(o) => ({ onClick: () => navigate(`/orders/${o.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: '订单号', dataIndex: 'outTradeNo', render: (n: string, o) => <a href={`#/orders/${o.id}`}>{n}</a> },
          { title: '下单时间', dataIndex: 'createdAt', render: formatTime },
          { title: '状态', dataIndex: 'status', render: (s: OrderStatus) => <OrderStatusTag status={s} /> },
          { title: '金额', dataIndex: 'totalFen', render: (f: number, o) => (o.refundedFen ? `${formatFen(f)}（已退 ${formatFen(o.refundedFen)}）` : formatFen(f)) },
          { title: '商品', key: 'items', render: (_, o) => orderSummaryText(o.items) },
          { title: '收货人', key: 'name', render: (_, o) => o.address.name },
          { title: '来源内容', key: 'content', render: (_, o) => o.attribution?.contentSlug ?? '—' }
        ]}
      />
      {next && <Button onClick={() => void load(next)}>加载更多</Button>}
    </Space>
  )
}

export function OrdersScreen() {
  return <OrderList />
}
