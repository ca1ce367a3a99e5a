/**
 * 售后: the shoppers' after-sales requests (unfinished ones by default, oldest first), with
 * reason, photos (click to enlarge), amount and kind, and the decisions the
 * request allows now (core's after-sales rules). The list is read again
 * after every decision, so a request never shows a status it has left.
 */
import { Button, Image, Radio, Space, Table, Typography } from 'antd'
import { useInfiniteQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { Link } from 'react-router'
import { AFTER_SALE_KIND_LABELS, AFTER_SALE_STATUS_LABELS, allowedAfterSaleActions, type AfterSaleStatus } from '@core/after-sale'
import type { AdminAfterSaleDto } from '@core/contract/after-sales'
import { formatFen } from '@core/money'
import { formatTime } from '../common/format'
import { useOrderChanged } from '../orders/order-queries'
import { OrderStatusTag } from '../orders/order-status'
import { keys } from '../query/query-client'
import { ErrorBanner } from '../query/query-state'
import { AfterSaleActionDialog, type AfterSaleDecision } from './after-sale-action-dialog'
import { AfterSaleStatusTag } from './after-sale-labels'
import { afterSalesApi } from './after-sales-api'
import { AutoApproveSwitch } from './auto-approve-switch'

type Filter = AfterSaleStatus | 'open' | 'all'
const FILTERS: Filter[] = ['open', 'requested', 'awaiting_return', 'returned', 'refunding', 'refunded', 'rejected', 'cancelled', 'all']
const FILTER_LABELS: Record<'open' | 'all', string> = { open: '未完结', all: '全部' }
const labelOf = (f: Filter) => (f === 'open' || f === 'all' ? FILTER_LABELS[f] : AFTER_SALE_STATUS_LABELS[f])

export function AfterSalePhotos({ images }: { images: readonly string[] }) {
  if (images.length === 0) return <Typography.Text type="secondary">无</Typography.Text>
  return (
    <Image.PreviewGroup>
      <Space size={4} wrap>
        {images.map((src, i) => (
          <Image key={src} src={src} width={48} height={48} style={{ objectFit: 'cover', borderRadius: 4 }} alt={`凭证图片 ${i + 1}`} />
        ))}
      </Space>
    </Image.PreviewGroup>
  )
}

function Actions({ request, onDecide }: { request: AdminAfterSaleDto; onDecide: (d: AfterSaleDecision) => void }) {
  const allowed = allowedAfterSaleActions(request)
  const buttons: Array<[AfterSaleDecision, string]> = []
  if (allowed.includes('approve')) buttons.push(['approve', '同意'])
  if (allowed.includes('receive')) buttons.push(['receive', '确认收到退货'])
  if (allowed.includes('reject')) buttons.push(['reject', '拒绝'])
  if (buttons.length === 0) return <Typography.Text type="secondary">—</Typography.Text>
  return (
    <Space size={4}>
      {buttons.map(([d, label]) => (
        <Button key={d} size="small" type={d === 'reject' ? 'default' : 'primary'} danger={d === 'reject'} aria-label={`${label} ${request.outTradeNo}`} onClick={() => onDecide(d)}>
          {label}
        </Button>
      ))}
    </Space>
  )
}

export function AfterSalesQueue() {
  const [status, setStatus] = useState<Filter>('open')
  const [deciding, setDeciding] = useState<{ request: AdminAfterSaleDto; decision: AfterSaleDecision } | null>(null)
  const query = useInfiniteQuery({
    queryKey: keys.afterSales.list(status),
    queryFn: ({ pageParam }) => afterSalesApi.list({ status, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined
  })
  const items = query.data?.pages.flatMap((p) => p.items)
  // A decision changes the request, its order and maybe a refund: all of them are read again.
  const changed = useOrderChanged()

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          售后
        </Typography.Title>
        <AutoApproveSwitch />
      </Space>
      <Radio.Group
        aria-label="售后状态"
        optionType="button"
        value={status}
        onChange={(e) => setStatus(e.target.value as Filter)}
        options={FILTERS.map((f) => ({ value: f, label: labelOf(f) }))}
      />
      <ErrorBanner query={query} />
      <Table<AdminAfterSaleDto>
        rowKey="id"
        loading={query.isPending}
        dataSource={items ?? []}
        pagination={false}
        locale={{ emptyText: status === 'open' ? '没有要处理的售后申请' : `没有「${labelOf(status)}」的售后申请` }}
        columns={[
          {
            title: '订单',
            key: 'order',
            render: (_, a) => (
              <Space direction="vertical" size={2}>
                <Link to={`/orders/${a.orderId}`}>{a.outTradeNo}</Link>
                <OrderStatusTag status={a.orderStatus} />
              </Space>
            )
          },
          { title: '类型', dataIndex: 'kind', render: (k: AdminAfterSaleDto['kind']) => <span style={{ whiteSpace: 'nowrap' }}>{AFTER_SALE_KIND_LABELS[k] ?? k}</span> },
          {
            title: '金额',
            key: 'amount',
            render: (_, a) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{formatFen(a.amountFen)}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{`订单 ${formatFen(a.totalFen)}，已退 ${formatFen(a.refundedFen)}`}</Typography.Text>
              </Space>
            )
          },
          {
            title: '原因',
            key: 'reason',
            render: (_, a) => (
              <Space direction="vertical" size={0} style={{ maxWidth: 240 }}>
                <span>{a.reason}</span>
                {a.note && <Typography.Text type="secondary">{a.note}</Typography.Text>}
              </Space>
            )
          },
          { title: '图片', key: 'images', render: (_, a) => <AfterSalePhotos images={a.images} /> },
          {
            title: '退货物流',
            key: 'return',
            render: (_, a) => (a.returnShipment ? `${a.returnShipment.carrier.name} ${a.returnShipment.trackingNo}` : a.kind === 'return' ? '顾客还没寄回' : '—')
          },
          {
            title: '状态',
            key: 'status',
            render: (_, a) => (
              <Space direction="vertical" size={0}>
                <AfterSaleStatusTag status={a.status} />
                {a.rejectReason && <Typography.Text type="secondary">{`原因：${a.rejectReason}`}</Typography.Text>}
              </Space>
            )
          },
          { title: '申请时间', dataIndex: 'createdAt', render: (t: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(t)}</span> },
          { title: '操作', key: 'actions', render: (_, a) => <Actions request={a} onDecide={(decision) => setDeciding({ request: a, decision })} /> }
        ]}
      />
      {query.hasNextPage && (
        <Button loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
          加载更多
        </Button>
      )}
      {deciding && (
        <AfterSaleActionDialog
          request={deciding.request}
          decision={deciding.decision}
          onClose={() => setDeciding(null)}
          onDone={() => {
            setDeciding(null)
            changed()
          }}
        />
      )}
    </Space>
  )
}
