/**
 * The coupon block's form: pick one of the shop's coupons, and see it as the
 * shopper will (title, rule, when it can be claimed, the 领取 button). Only
 * admins may read coupons; an editor sees why the list is missing.
 */
import { Alert, Button, Card, Select, Space, Typography } from 'antd'
import type { CouponDto } from '@core/contract/coupons'
import { ApiError } from '../api/api-error'
import type { ErrorMap } from '../common/field-errors'
import { formatTime } from '../common/format'
import { useCoupons } from '../coupons/coupon-queries'
import { QueryError } from '../query/query-state'
import { Field } from './field'

export function CouponPreview({ coupon }: { coupon: CouponDto }) {
  return (
    <Card size="small" data-testid="coupon-block-preview" style={{ background: '#fff7ed', borderColor: '#fdba74', maxWidth: 360 }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} align="center">
        <Space direction="vertical" size={0}>
          <Typography.Text strong style={{ color: '#c2410c', fontSize: 18 }}>
            {coupon.description}
          </Typography.Text>
          <Typography.Text>{coupon.title}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatTime(coupon.startsAt)} – {formatTime(coupon.endsAt)}
            {coupon.validDays != null ? `，领取后 ${coupon.validDays} 天内可用` : ''}
          </Typography.Text>
        </Space>
        <Button type="primary" danger size="small" tabIndex={-1}>
          领取
        </Button>
      </Space>
    </Card>
  )
}

export function CouponBlockForm({ couponId, path, errors, onChange }: { couponId: string; path: string; errors: ErrorMap; onChange: (couponId: string) => void }) {
  const coupons = useCoupons()
  if (coupons.isError && coupons.error instanceof ApiError && coupons.error.status === 403) {
    return <Alert type="info" showIcon message="只有管理员可以选择优惠券；这个模块请让管理员来设置" />
  }
  const list = coupons.data ?? []
  const picked = list.find((c) => c.id === couponId)
  return (
    <>
      {coupons.isError && <QueryError error={coupons.error} onRetry={() => void coupons.refetch()} />}
      <Field label="优惠券" path={`${path}.couponId`} errors={errors}>
        <Select
          aria-label="选择优惠券"
          showSearch
          allowClear
          loading={coupons.isPending}
          placeholder="输入名称搜索"
          style={{ width: '100%' }}
          value={couponId || undefined}
          optionFilterProp="label"
          options={list.map((c) => ({ value: c.id, label: `${c.title}（${c.description}）` }))}
          notFoundContent={coupons.isPending ? '加载中…' : '还没有优惠券，请先在“优惠券”里新建'}
          onChange={(id?: string) => onChange(id ?? '')}
        />
      </Field>
      {picked && <CouponPreview coupon={picked} />}
      {couponId && !picked && !coupons.isPending && !coupons.isError && <Alert type="warning" showIcon message="这张优惠券已不存在，请重新选择" />}
    </>
  )
}
