/**
 * Create or change a coupon template: amount off with a minimum spend, or
 * percent off with a cap; every product or some; claimable in a window and
 * usable in it or for some days after claiming; total and per-shopper limits.
 * Money is typed in yuan and sent in fen; the server checks the rules between
 * fields (core's validateCouponTerms) and its INVALID_COUPON details land on
 * the fields they name.
 */
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Radio, Space, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useEffect } from 'react'
import { describeCoupon, MAX_COUPON_TITLE, type CouponKind } from '@core/coupon'
import type { CouponDto, CouponInput } from '@core/contract/coupons'
import { useNotify } from '../common/notify'
import { ProductMultiPicker } from '../content/product-picker'
import { useAllProducts } from '../products/product-queries'
import { useSaveCoupon } from './coupon-queries'

/** Form fields are named as the API's fields so server problems find them; money is in yuan here. */
export type CouponValues = {
  title: string
  kind: CouponKind
  amountOffFen?: number | null
  percentOff?: number | null
  maxOffFen?: number | null
  minSpendFen?: number | null
  scope: 'all' | 'some'
  productIds?: string[]
  startsAt?: Dayjs | null
  endsAt?: Dayjs | null
  validity: 'window' | 'days'
  validDays?: number | null
  total?: number | null
  perUser?: number | null
}

const toFen = (yuan: number | null | undefined): number | null => (yuan == null ? null : Math.round(yuan * 100))
const toYuan = (fen: number | undefined): number | null => (fen == null ? null : fen / 100)

export function valuesOf(c: CouponDto | null, now: Dayjs): CouponValues {
  if (!c) {
    return {
      title: '',
      kind: 'amount_off',
      minSpendFen: null,
      scope: 'all',
      productIds: [],
      startsAt: now.startOf('minute'),
      endsAt: now.add(30, 'day').endOf('day'),
      validity: 'window',
      validDays: 7,
      total: null,
      perUser: 1
    }
  }
  return {
    title: c.title,
    kind: c.kind,
    amountOffFen: toYuan(c.amountOffFen),
    percentOff: c.percentOff ?? null,
    maxOffFen: toYuan(c.maxOffFen),
    minSpendFen: toYuan(c.minSpendFen),
    scope: c.productIds && c.productIds.length > 0 ? 'some' : 'all',
    productIds: c.productIds ?? [],
    startsAt: dayjs(c.startsAt),
    endsAt: dayjs(c.endsAt),
    validity: c.validDays != null ? 'days' : 'window',
    validDays: c.validDays ?? 7,
    total: c.total ?? null,
    perUser: c.perUser
  }
}

/** What the form sends. Empty times go as '' so the server names the field that is missing. */
export function inputOf(v: CouponValues): CouponInput {
  const amount = v.kind === 'amount_off'
  return {
    title: v.title ?? '',
    kind: v.kind,
    amountOffFen: amount ? toFen(v.amountOffFen) : null,
    percentOff: amount ? null : (v.percentOff ?? null),
    maxOffFen: amount ? null : toFen(v.maxOffFen),
    minSpendFen: toFen(v.minSpendFen) ?? 0,
    productIds: v.scope === 'some' ? (v.productIds ?? []) : null,
    startsAt: v.startsAt ? v.startsAt.toISOString() : '',
    endsAt: v.endsAt ? v.endsAt.toISOString() : '',
    validDays: v.validity === 'days' ? (v.validDays ?? null) : null,
    total: v.total ?? null,
    perUser: v.perUser ?? 0
  }
}

/** The rule as shoppers will read it (满100减20, 8折 最高减50), while staff type. */
function rulePreview(v: Partial<CouponValues>): string | null {
  const input = inputOf({ scope: 'all', validity: 'window', title: '', kind: 'amount_off', ...v })
  if (input.kind === 'amount_off' ? !input.amountOffFen : !input.percentOff) return null
  return describeCoupon(input)
}

export function CouponEditor({ editing, onClose }: { editing: CouponDto | 'new' | null; onClose: () => void }) {
  const [form] = Form.useForm<CouponValues>()
  const notify = useNotify()
  const existing = editing && editing !== 'new' ? editing : null
  const save = useSaveCoupon(existing)
  const products = useAllProducts()
  const kind = Form.useWatch('kind', form)
  const scope = Form.useWatch('scope', form)
  const validity = Form.useWatch('validity', form)
  const watched = Form.useWatch([], form) as Partial<CouponValues> | undefined
  const preview = watched ? rulePreview(watched) : null

  useEffect(() => {
    if (!editing) return
    form.resetFields()
    form.setFieldsValue(valuesOf(existing, dayjs()))
  }, [editing, existing, form])

  const submit = async () => {
    const v = await form.validateFields().catch(() => null)
    if (!v) return
    try {
      await save.mutateAsync(inputOf(v))
      notify.success(existing ? '已保存' : '已创建优惠券')
      onClose()
    } catch (e) {
      notify.error(e, form)
    }
  }

  const yuan = { min: 0, precision: 2, step: 1, suffix: '元', style: { width: 200 } }

  return (
    <Modal
      title={existing ? '编辑优惠券' : '新建优惠券'}
      open={editing !== null}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="保存"
      cancelText="取消"
      confirmLoading={save.isPending}
      width={640}
    >
      <Form form={form} layout="vertical" initialValues={valuesOf(null, dayjs())}>
        <Form.Item label="名称" name="title" rules={[{ required: true, whitespace: true, message: '请填写优惠券名称' }]}>
          <Input maxLength={MAX_COUPON_TITLE} showCount placeholder="如：春季上新满减券" />
        </Form.Item>
        <Form.Item label="类型" name="kind">
          <Radio.Group
            options={[
              { value: 'amount_off', label: '满减（减固定金额）' },
              { value: 'percent_off', label: '折扣（按百分比减）' }
            ]}
          />
        </Form.Item>
        <Space size="large" wrap align="start">
          {kind === 'percent_off' ? (
            <>
              <Form.Item label="减去" name="percentOff" extra="20 即打 8 折">
                <InputNumber min={1} max={99} precision={0} suffix="%" style={{ width: 160 }} />
              </Form.Item>
              <Form.Item label="最高减免" name="maxOffFen" extra="留空则不封顶">
                <InputNumber {...yuan} />
              </Form.Item>
            </>
          ) : (
            <Form.Item label="减免金额" name="amountOffFen">
              <InputNumber {...yuan} />
            </Form.Item>
          )}
          <Form.Item label="使用门槛" name="minSpendFen" extra="留空为无门槛">
            <InputNumber {...yuan} placeholder="无门槛" />
          </Form.Item>
        </Space>
        {preview && (
          <Typography.Paragraph type="secondary" data-testid="coupon-rule-preview">
            顾客看到：<Typography.Text strong>{preview}</Typography.Text>
          </Typography.Paragraph>
        )}
        <Form.Item label="适用商品" name="scope">
          <Radio.Group options={[{ value: 'all', label: '全部商品' }, { value: 'some', label: '指定商品' }]} />
        </Form.Item>
        {scope === 'some' && (
          <Form.Item name="productIds" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一件商品' }]}>
            <ProductMultiPicker value={[]} onChange={() => undefined} products={products.data ?? []} loading={products.isPending} />
          </Form.Item>
        )}
        <Space size="large" wrap align="start">
          <Form.Item label="领取开始" name="startsAt">
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" aria-label="领取开始" />
          </Form.Item>
          <Form.Item label="领取结束" name="endsAt">
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" aria-label="领取结束" />
          </Form.Item>
        </Space>
        <Form.Item label="使用期限" name="validity">
          <Radio.Group options={[{ value: 'window', label: '与领取时间相同' }, { value: 'days', label: '领取后若干天内' }]} />
        </Form.Item>
        {validity === 'days' && (
          <Form.Item label="领取后有效天数" name="validDays">
            <InputNumber min={1} precision={0} suffix="天" style={{ width: 160 }} />
          </Form.Item>
        )}
        <Space size="large" wrap align="start">
          <Form.Item label="发放总量" name="total" extra="留空则不限量">
            <InputNumber min={1} precision={0} suffix="张" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item label="每人限领" name="perUser">
            <InputNumber min={1} precision={0} suffix="张" style={{ width: 160 }} />
          </Form.Item>
        </Space>
        {existing && existing.claimed > 0 && <Alert type="info" showIcon message={`已被领取 ${existing.claimed} 张，其中 ${existing.used} 张已使用`} />}
      </Form>
    </Modal>
  )
}
