/**
 * What happened to an order after payment, for staff: its parcels and
 * times, the after-sales request, and what the backend tells WeChat (with
 * WeChat's refusal in Chinese and what to do about it).
 */
import { Alert, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { AFTER_SALE_KIND_LABELS } from '@core/after-sale'
import type { AfterSaleDto } from '@core/contract/after-sales'
import type { ShipmentDto } from '@core/contract/shipping'
import type { WechatTaskDto } from '@core/contract/admin-orders'
import { formatFen } from '@core/money'
import { AfterSaleStatusTag } from '../after-sales/after-sale-labels'
import { AfterSalePhotos } from '../after-sales/after-sales-queue'
import type { Order } from '@core/contract/admin-orders'
import { formatTime } from '../common/format'
import { useNotify } from '../common/notify'
import { shippingApi } from '../shipping/shipping-api'
import { useNow } from '../common/use-now'
import { shipByOfOrder, shipDeadline } from '../shipping/ship-deadline'
import { LOGISTICS_TYPE_LABELS } from '@core/shipping'

export function ShippingCard({ order }: { order: Order }) {
  const now = useNow()
  const shipments = order.shipments ?? []
  const titleOf = new Map(order.items.map((i) => [i.skuId, i.title]))
  const shipBy = order.status === 'paid' ? shipByOfOrder(order) : undefined
  const deadline = shipBy ? shipDeadline(shipBy, now) : null
  return (
    <Card title="物流">
      <Descriptions column={2} size="small">
        {deadline && shipBy && (
          <Descriptions.Item label="发货期限">
            <Typography.Text type={deadline.overdue ? 'danger' : undefined}>{`${formatTime(shipBy)}（${deadline.text}）`}</Typography.Text>
          </Descriptions.Item>
        )}
        {order.shippingReminderAt && (
          <Descriptions.Item label="顾客催发货">
            <Tag color="red">{formatTime(order.shippingReminderAt)}</Tag>
          </Descriptions.Item>
        )}
        <Descriptions.Item label="发货完成">{formatTime(order.shippedAt)}</Descriptions.Item>
        <Descriptions.Item label="订单完成">{formatTime(order.completedAt)}</Descriptions.Item>
        {order.autoCompleteAt && !order.completedAt && <Descriptions.Item label="自动确认收货">{formatTime(order.autoCompleteAt)}</Descriptions.Item>}
      </Descriptions>
      <Table<ShipmentDto>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={shipments}
        locale={{ emptyText: '还没有发货' }}
        columns={[
          { title: '包裹', key: 'n', render: (_, __, i) => `包裹 ${i + 1}` },
          { title: '方式', dataIndex: 'logisticsType', render: (t: ShipmentDto['logisticsType']) => LOGISTICS_TYPE_LABELS[t] ?? t },
          { title: '快递公司', key: 'carrier', render: (_, s) => s.carrier?.name ?? '—' },
          { title: '运单号', dataIndex: 'trackingNo', render: (t?: string) => (t ? <Typography.Text copyable>{t}</Typography.Text> : '—') },
          { title: '商品', key: 'items', render: (_, s) => (s.items.length === 0 ? '全部商品' : s.items.map((i) => `${titleOf.get(i.skuId) ?? i.skuId} × ${i.qty}`).join('，')) },
          { title: '发货时间', dataIndex: 'shippedAt', render: formatTime }
        ]}
      />
    </Card>
  )
}

export function AfterSaleCard({ afterSale }: { afterSale: AfterSaleDto }) {
  const r = afterSale.returnShipment
  return (
    <Card title="售后申请" extra={<a href="#/after-sales">去售后处理</a>}>
      <Descriptions column={2} size="small">
        <Descriptions.Item label="类型">{AFTER_SALE_KIND_LABELS[afterSale.kind] ?? afterSale.kind}</Descriptions.Item>
        <Descriptions.Item label="状态">
          <AfterSaleStatusTag status={afterSale.status} />
        </Descriptions.Item>
        <Descriptions.Item label="申请金额">{formatFen(afterSale.amountFen)}</Descriptions.Item>
        <Descriptions.Item label="申请时间">{formatTime(afterSale.createdAt)}</Descriptions.Item>
        <Descriptions.Item label="原因" span={2}>{afterSale.note ? `${afterSale.reason}（${afterSale.note}）` : afterSale.reason}</Descriptions.Item>
        <Descriptions.Item label="图片" span={2}>
          <AfterSalePhotos images={afterSale.images} />
        </Descriptions.Item>
        {afterSale.rejectReason && <Descriptions.Item label="拒绝原因" span={2}>{afterSale.rejectReason}</Descriptions.Item>}
        {r && <Descriptions.Item label="退货物流" span={2}>{`${r.carrier.name} ${r.trackingNo}（${formatTime(r.shippedAt)} 寄出）`}</Descriptions.Item>}
        {afterSale.restock !== undefined && <Descriptions.Item label="退回库存">{afterSale.restock ? '是' : '否'}</Descriptions.Item>}
      </Descriptions>
    </Card>
  )
}

const TASK_LABELS: Record<WechatTaskDto['kind'], string> = {
  upload_shipping_info: '上传发货信息',
  set_msg_jump_path: '设置订单消息跳转页',
  subscribe_message: '订阅消息',
  notify_confirm_receive: '提醒顾客确认收货'
}

function taskState(t: WechatTaskDto) {
  if (t.status === 'done') return <Tag color="success">已完成</Tag>
  if (t.status === 'failed') return <Tag color="error">失败</Tag>
  return <Tag color={t.attempts > 0 ? 'warning' : 'processing'}>{t.attempts > 0 ? '重试中' : '等待发送'}</Tag>
}

/** When and whether it will be tried again: what staff can expect without doing anything. */
export function retryHint(t: WechatTaskDto): string {
  if (t.status === 'done') return ''
  if (t.status === 'failed') return '已停止自动重试：按上面的做法处理好后，点「重新提交」再试一次。'
  if (t.attempts === 0) return '马上发送。'
  const code = t.lastErrcode !== null ? `（微信返回 ${t.lastErrcode}）` : ''
  return `已尝试 ${t.attempts} 次${code}，${t.nextAttemptAt ? `将在 ${formatTime(t.nextAttemptAt)} 自动重试` : '会自动重试'}。`
}

/** A failed WeChat call sent again, after staff fixed what its problem said. */
function RetryButton({ task, onRetried }: { task: WechatTaskDto; onRetried: () => void }) {
  const [busy, setBusy] = useState(false)
  const notify = useNotify()
  const retry = async () => {
    setBusy(true)
    try {
      await shippingApi.retryWechatTask(task.id)
      notify.success('已重新提交，稍后看结果')
    } catch (e) {
      notify.error(e)
    } finally {
      setBusy(false)
      onRetried()
    }
  }
  return (
    <Button size="small" loading={busy} onClick={() => void retry()}>
      重新提交
    </Button>
  )
}

export function WechatProblems({ tasks, onRetried }: { tasks: readonly WechatTaskDto[]; onRetried: () => void }) {
  const problems = tasks.filter((t) => t.problem && t.status !== 'done')
  return (
    <>
      {problems.map((t) => (
        <Alert
          key={t.id}
          type="error"
          showIcon
          message={`微信${TASK_LABELS[t.kind] ?? t.kind}失败：${t.problem?.message}`}
          action={t.status === 'failed' ? <RetryButton task={t} onRetried={onRetried} /> : undefined}
          description={
            <Space direction="vertical" size={0}>
              <span>{`怎么办：${t.problem?.action}`}</span>
              <Typography.Text type="secondary">{retryHint(t)}</Typography.Text>
            </Space>
          }
        />
      ))}
    </>
  )
}

export function WechatTasksCard({ tasks, onRetried }: { tasks: readonly WechatTaskDto[]; onRetried: () => void }) {
  return (
    <Card title="微信同步">
      <Table<WechatTaskDto>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={[...tasks]}
        locale={{ emptyText: '没有要同步给微信的内容' }}
        columns={[
          { title: '内容', dataIndex: 'kind', render: (k: WechatTaskDto['kind']) => TASK_LABELS[k] ?? k },
          { title: '状态', key: 'status', render: (_, t) => taskState(t) },
          { title: '说明', key: 'hint', render: (_, t) => (t.problem && t.status !== 'done' ? `${t.problem.message} ${retryHint(t)}` : retryHint(t) || '—') },
          { title: '更新时间', dataIndex: 'updatedAt', render: formatTime },
          { title: '操作', key: 'retry', render: (_, t) => (t.status === 'failed' ? <RetryButton task={t} onRetried={onRetried} /> : null) }
        ]}
      />
    </Card>
  )
}
