/**
 * One order for an admin: items, address, payment, attribution, parcels,
 * after-sales, refunds, WeChat sync problems and payment flags; ship and
 * refund from here. After either the order is read again (never a stale status),
 * and while a refund is under way it is read again until WeChat Pay settles it.
 */
import { Alert, Button, Card, Descriptions, Space, Spin, Table, Typography } from 'antd'
import { useState } from 'react'
import { useNavigate, useParams } from 'react-router'
import { formatAttrs } from '@core/catalog'
import { formatFen, multiplyFen } from '@core/money'
import type { Order, OrderItem, Refund } from '@core/contract/admin-orders'
import { formatTime, formatTimeSeconds } from '../common/format'
import { usePageTitles } from '../content/page-queries'
import { QueryView } from '../query/query-state'
import { ShipDialog } from '../shipping/ship-dialog'
import { unshippedItems } from '../shipping/ship-form'
import { flagLabel } from './flag-alerts'
import { AfterSaleCard, ShippingCard, WechatProblems, WechatTasksCard } from './fulfilment-cards'
import { OrderStatusTag } from './order-status'
import { isSettling, useOrder, useOrderChanged } from './order-queries'
import { RefundDialog } from './refund-dialog'
import { refundableFenOfOrder } from '@core/refundable'

const REFUND_STATUS: Record<string, string> = { processing: '处理中', success: '已退款', closed: '已关闭', abnormal: '异常', failed: '失败' }

export function OrderDetailScreen() {
  const id = useParams().id as string
  const query = useOrder(id)
  const changed = useOrderChanged()
  return <QueryView query={query}>{(order) => <OrderDetail order={order} onChange={changed} settling={query.isFetching} />}</QueryView>
}

export function OrderDetail({ order, onChange, settling = false }: { order: Order; onChange: (updated?: Order) => void; settling?: boolean }) {
  const navigate = useNavigate()
  const titleOf = usePageTitles()
  const [refunding, setRefunding] = useState(false)
  const [shipping, setShipping] = useState(false)
  const canRefund = refundableFenOfOrder(order) > 0
  const canShip = order.status === 'paid' && unshippedItems(order.items, order.shipments).length > 0
  const a = order.attribution
  const addr = order.address
  // The coupon fields of the order (the admin's Order type predates them).

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space>
          <Button onClick={() => void navigate('/orders')}>返回列表</Button>
          <Typography.Title level={3} style={{ margin: 0 }}>{`订单 ${order.outTradeNo}`}</Typography.Title>
          <OrderStatusTag status={order.status} />
          {isSettling(order) && (
            <Typography.Text type="secondary">
              <Spin size="small" spinning={settling} style={{ marginRight: 6 }} />
              等待微信支付的退款结果，页面会自动更新
            </Typography.Text>
          )}
        </Space>
        <Space>
          {canShip && (
            <Button type="primary" onClick={() => setShipping(true)}>
              发货
            </Button>
          )}
          <Button danger type="primary" disabled={!canRefund} onClick={() => setRefunding(true)}>
            退款
          </Button>
        </Space>
      </Space>
      <WechatProblems tasks={order.wechatTasks ?? []} onRetried={onChange} />
      {order.flags.filter((f) => !f.resolvedAt).map((f) => (
        <Alert key={f.id} type="error" showIcon message={`支付异常：${flagLabel(f)}`} description={`${f.message}（${formatTime(f.createdAt)}）`} />
      ))}
      <Card title="商品">
        <Table<OrderItem>
          rowKey="skuId"
          size="small"
          pagination={false}
          dataSource={order.items}
          columns={[
            { title: '商品', dataIndex: 'title' },
            { title: '规格', key: 'attrs', render: (_, i) => formatAttrs(i.attrs) || '默认' },
            { title: '单价', dataIndex: 'priceFen', render: formatFen },
            { title: '数量', dataIndex: 'qty' },
            { title: '小计', key: 'line', render: (_, i) => formatFen(multiplyFen(i.priceFen, i.qty)) }
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={4}>合计</Table.Summary.Cell>
              <Table.Summary.Cell index={1}>{formatFen(order.totalFen)}</Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      </Card>
      <ShippingCard order={order} />
      {order.afterSale && <AfterSaleCard afterSale={order.afterSale} />}
      <Card title="支付">
        <Descriptions column={2} size="small">
          <Descriptions.Item label="下单时间">{formatTimeSeconds(order.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="支付时间">{formatTimeSeconds(order.payment.paidAt ?? order.paidAt)}</Descriptions.Item>
          <Descriptions.Item label="商户订单号">{order.payment.outTradeNo}</Descriptions.Item>
          <Descriptions.Item label="微信支付单号">{order.payment.transactionId ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="订单金额">{formatFen(order.totalFen)}</Descriptions.Item>
          <Descriptions.Item label="已退款">{formatFen(order.refundedFen ?? 0)}</Descriptions.Item>
          {order.discountFen ? <Descriptions.Item label="优惠">{`${order.coupon?.title ?? '优惠券'} −${formatFen(order.discountFen)}`}</Descriptions.Item> : null}
          {order.discountFen ? <Descriptions.Item label="实付（微信支付）">{formatFen(order.payableFen)}</Descriptions.Item> : null}
        </Descriptions>
      </Card>
      <Card title="收货地址">
        <Descriptions column={2} size="small">
          <Descriptions.Item label="收货人">{addr.name}</Descriptions.Item>
          <Descriptions.Item label="电话">{addr.phone}</Descriptions.Item>
          <Descriptions.Item label="地址" span={2}>{`${addr.province} ${addr.city} ${addr.district} ${addr.detail}`}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="来源">
        <Descriptions column={2} size="small">
          <Descriptions.Item label="内容页面">{titleOf(a?.contentSlug) ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="分享人">{a?.sharerId ?? '—（非分享带来）'}</Descriptions.Item>
          <Descriptions.Item label="分享层级">{a?.depth ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="分享 ID">{a?.shareId ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="场景值">{a?.scene ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="顾客 ID">{order.userId}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="退款记录">
        <Table<Refund>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={order.refunds}
          locale={{ emptyText: '没有退款' }}
          columns={[
            { title: '退款单号', dataIndex: 'outRefundNo' },
            { title: '金额', dataIndex: 'amountFen', render: formatFen },
            { title: '原因', dataIndex: 'reason' },
            { title: '状态', dataIndex: 'status', render: (s: string) => REFUND_STATUS[s] ?? s },
            { title: '申请时间', dataIndex: 'createdAt', render: formatTime },
            { title: '完成时间', dataIndex: 'settledAt', render: formatTime }
          ]}
        />
      </Card>
      {order.wechatTasks && order.wechatTasks.length > 0 && <WechatTasksCard tasks={order.wechatTasks} onRetried={onChange} />}
      <RefundDialog
        order={order}
        open={refunding}
        onClose={() => setRefunding(false)}
        onRefunded={() => setRefunding(false)}
      />
      {shipping && (
        <ShipDialog
          order={order}
          open
          onClose={() => setShipping(false)}
          onShipped={(o) => {
            setShipping(false)
            onChange(o)
          }}
        />
      )}
    </Space>
  )
}
