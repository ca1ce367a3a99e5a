/**
 * 待发货: paid orders, oldest first, each with the time left of WeChat's
 * 48-hour shipping rule (overdue in red) and a flag when WeChat passed on
 * the shopper's reminder. Ship one from here, or many from a CSV; the list
 * is read again after every shipment so it never shows a shipped order.
 */
import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router'
import { AFTER_SALE_STATUS_LABELS, isOpenAfterSale } from '@core/after-sale'
import { formatFen } from '@core/money'
import type { OrderSummary } from '@core/contract/admin-orders'
import { formatTime } from '../common/format'
import { useNow } from '../common/use-now'
import { useOrderChanged, useOrderPages } from '../orders/order-queries'
import { ErrorBanner } from '../query/query-state'
import { BatchShipDialog } from './batch-ship-dialog'
import { ShipDialog } from './ship-dialog'
import { shipByOfOrder, shipDeadline } from './ship-deadline'

function DeadlineCell({ order, now }: { order: OrderSummary; now: number }) {
  const shipBy = shipByOfOrder(order)
  if (!shipBy) return <>—</>
  const d = shipDeadline(shipBy, now)
  return (
    <Tooltip title={`微信要求 ${formatTime(shipBy)} 前发货`}>
      <Typography.Text type={d.overdue ? 'danger' : d.urgent ? 'warning' : undefined} strong={d.urgent}>
        {d.text}
      </Typography.Text>
    </Tooltip>
  )
}

export function ShippingQueue() {
  const [shipping, setShipping] = useState<OrderSummary | null>(null)
  const [batchOpen, setBatchOpen] = useState(false)
  const now = useNow()
  const query = useOrderPages({ status: 'paid', sort: 'oldest' })
  const orders = query.data?.pages.flatMap((p) => p.items) ?? null
  const changed = useOrderChanged()

  const overdue = (orders ?? []).filter((o) => {
    const shipBy = shipByOfOrder(o)
    return shipBy !== undefined && shipDeadline(shipBy, now).overdue
  }).length
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          待发货
        </Typography.Title>
        <Space>
          <Button loading={query.isRefetching} onClick={() => void query.refetch()}>
            刷新
          </Button>
          <Button type="primary" onClick={() => setBatchOpen(true)}>
            批量发货（CSV）
          </Button>
        </Space>
      </Space>
      <Typography.Text type="secondary">
        {orders === null
          ? '正在读取…'
          : `微信要求付款后 48 小时内发货，最早付款的排在最前。${orders.length > 0 ? `已列出 ${orders.length} 单${overdue ? `，其中 ${overdue} 单已超时` : ''}。` : ''}`}
      </Typography.Text>
      <ErrorBanner query={query} />
      <Table<OrderSummary>
        rowKey="id"
        loading={query.isPending}
        dataSource={orders ?? []}
        pagination={false}
        locale={{ emptyText: '没有待发货的订单' }}
        columns={[
          {
            title: '订单号',
            dataIndex: 'outTradeNo',
            render: (n: string, o) => (
              <Space size={4} wrap>
                <Link to={`/orders/${o.id}`}>{n}</Link>
                {o.shippingReminderAt && (
                  <Tooltip title={`顾客在微信里催发货（${formatTime(o.shippingReminderAt)}）`}>
                    <Tag color="red">顾客催发货</Tag>
                  </Tooltip>
                )}
                {(o.shipments?.length ?? 0) > 0 && <Tag color="blue">{`已发 ${o.shipments?.length} 个包裹`}</Tag>}
                {o.afterSale && isOpenAfterSale(o.afterSale.status) && (
                  <Tooltip title="顾客申请了售后，发货前请先到「售后」里处理">
                    <Tag color="orange">{`售后${AFTER_SALE_STATUS_LABELS[o.afterSale.status]}`}</Tag>
                  </Tooltip>
                )}
              </Space>
            )
          },
          { title: '付款时间', dataIndex: 'paidAt', render: formatTime },
          { title: '发货时限', key: 'deadline', render: (_, o) => <DeadlineCell order={o} now={now} /> },
          { title: '商品', key: 'items', render: (_, o) => o.items.map((i) => `${i.title} × ${i.qty}`).join('，') },
          { title: '金额', dataIndex: 'totalFen', render: formatFen },
          { title: '收货人', key: 'to', render: (_, o) => `${o.address.name} · ${o.address.city}` },
          {
            title: '操作',
            key: 'ship',
            render: (_, o) => (
              <Button type="primary" size="small" aria-label={`发货 ${o.outTradeNo}`} onClick={() => setShipping(o)}>
                发货
              </Button>
            )
          }
        ]}
      />
      {query.hasNextPage && (
        <Button loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
          加载更多
        </Button>
      )}
      {shipping && (
        <ShipDialog
          order={shipping}
          open
          onClose={() => setShipping(null)}
          onShipped={(o) => {
            setShipping(null)
            changed(o)
          }}
        />
      )}
      <BatchShipDialog open={batchOpen} onClose={() => setBatchOpen(false)} onShipped={() => changed()} />
    </Space>
  )
}
