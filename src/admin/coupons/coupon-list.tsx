/** Coupon templates (admins only): the rule as shoppers read it, how many were claimed and used, when, and the limits. */
import { PlusOutlined } from '@ant-design/icons'
import { Button, Empty, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { describeCoupon } from '@core/coupon'
import type { CouponDto } from '@core/contract/coupons'
import { formatTime } from '../common/format'
import { ErrorBanner } from '../query/query-state'
import { CouponEditor } from './coupon-editor'
import { useCoupons } from './coupon-queries'

export function validityText(c: Pick<CouponDto, 'startsAt' | 'endsAt' | 'validDays'>): string {
  const window = `${formatTime(c.startsAt)} 至 ${formatTime(c.endsAt)}`
  return c.validDays != null ? `${window} 可领，领取后 ${c.validDays} 天内可用` : window
}

export function CouponList() {
  const query = useCoupons()
  const [editing, setEditing] = useState<CouponDto | 'new' | null>(null)

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          优惠券
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          新建优惠券
        </Button>
      </Space>
      <ErrorBanner query={query} />
      <Table<CouponDto>
        rowKey="id"
        loading={query.isPending}
        dataSource={query.data ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description="还没有优惠券，点“新建优惠券”开始" /> }}
        columns={[
          { title: '名称', dataIndex: 'title' },
          {
            title: '规则',
            key: 'rule',
            render: (_, c) => (
              <Space size={4} wrap>
                <span>{describeCoupon(c)}</span>
                {c.productIds && c.productIds.length > 0 && <Tag>指定 {c.productIds.length} 件商品</Tag>}
              </Space>
            )
          },
          { title: '已领 / 已用', key: 'counts', render: (_, c) => `${c.claimed} / ${c.used}` },
          { title: '有效期', key: 'validity', render: (_, c) => validityText(c) },
          { title: '总量 / 每人', key: 'limits', render: (_, c) => `${c.total ?? '不限'} / ${c.perUser}` },
          { title: '操作', key: 'edit', render: (_, c) => <Button size="small" onClick={() => setEditing(c)}>编辑</Button> }
        ]}
      />
      <CouponEditor editing={editing} onClose={() => setEditing(null)} />
    </Space>
  )
}
