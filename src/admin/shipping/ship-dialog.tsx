/**
 * Ship one order: how (快递 / 同城配送 / 虚拟发货 / 用户自提), and for express
 * each parcel's carrier and tracking number; several parcels split the
 * delivery, each with its items. The server's field problems land on the
 * fields (`parcels.0.trackingNo`), anything else above the form.
 */
import { Alert, Button, Card, Form, Input, InputNumber, Modal, Radio, Space, Switch, Typography } from 'antd'
import { useEffect, useMemo, useState } from 'react'
import { formatAttrs } from '@core/catalog'
import type { LogisticsType } from '@core/contract/shipping'
import { MAX_TRACKING_NO } from '@core/shipping'
import { ApiError, messageOf } from '../api/api-error'
import type { Order, OrderSummary } from '@core/contract/admin-orders'
import { applyToForm } from '../common/field-errors'
import { useNotify } from '../common/notify'
import { CarrierSelect, useCarriers } from './carrier-select'
import { shippingApi } from './shipping-api'
import { checkShip, coversAll, LOGISTICS_TYPE_LABELS, MAX_PARCELS, needsItems, shipIssueText, toShipRequest, unshippedItems, type ShipValues } from './ship-form'

type Issue = { path: string; message: string }

const HINTS: Record<Exclude<LogisticsType, 'express'>, string> = {
  same_city: '同城配送：由骑手或自有人员送达，不需要运单号。',
  virtual: '虚拟发货：虚拟商品或服务，不寄实物。',
  pickup: '用户自提：顾客到店自取，不需要运单号。'
}

const itemName = (i: { title: string; attrs: Record<string, string> }) => [i.title, formatAttrs(i.attrs)].filter(Boolean).join(' ')

export function ShipDialog({
  order,
  open,
  onClose,
  onShipped
}: {
  order: OrderSummary | Order
  open: boolean
  onClose: () => void
  onShipped: (o: Order) => void
}) {
  const [form] = Form.useForm<ShipValues>()
  const [busy, setBusy] = useState(false)
  const [issues, setIssues] = useState<Issue[]>([])
  const carriers = useCarriers(open)
  const notify = useNotify()
  const left = useMemo(() => unshippedItems(order.items, order.shipments), [order])
  const sentBefore = order.shipments ?? []
  const maxParcels = MAX_PARCELS - sentBefore.length
  const logisticsType = Form.useWatch('logisticsType', form) ?? 'express'
  const parcels = Form.useWatch('parcels', form) ?? [{}]
  const allDelivered = Form.useWatch('allDelivered', form) ?? true
  const split = needsItems({ logisticsType, parcels, allDelivered })

  // The form itself is remounted on each open (destroyOnHidden); only our own state needs clearing.
  useEffect(() => {
    if (open) setIssues([])
  }, [open])

  const initialValues: ShipValues = {
    // The rest of a split delivery goes the way its first parcels went (core's rule).
    logisticsType: sentBefore[0]?.logisticsType ?? 'express',
    parcels: [{ qty: Object.fromEntries(left.map((i) => [i.skuId, i.qty])) }],
    allDelivered: true
  }

  // Problems of an input go on it; item and whole-order problems are listed by the parcel or above the form.
  const show = (all: Issue[]) => {
    const onInput = (i: Issue) => /^parcels\.\d+\.(carrierCode|trackingNo)$/.test(i.path) || i.path === 'logisticsType' || i.path === 'allDelivered'
    const said = all.map((i) => ({ path: i.path, message: shipIssueText(i) }))
    applyToForm(form, said.filter(onInput))
    setIssues(said.filter((i) => !onInput(i)))
  }

  const submit = async () => {
    setIssues([])
    const v = await form.validateFields().catch(() => null)
    if (!v) return
    const values: ShipValues = { ...initialValues, ...form.getFieldsValue(true) }
    const local = carriers ? checkShip(order, values, carriers) : []
    if (local.length > 0) return show(local)
    setBusy(true)
    try {
      const shipped = await shippingApi.ship(order.id, toShipRequest(values))
      notify.success(values.allDelivered ? `订单 ${order.outTradeNo} 已发货` : `订单 ${order.outTradeNo} 已发出一部分`)
      onShipped(shipped)
    } catch (e) {
      if (e instanceof ApiError && e.fieldIssues.length > 0) show(e.fieldIssues)
      else setIssues([{ path: '', message: messageOf(e) }])
      notify.error(e)
    } finally {
      setBusy(false)
    }
  }

  const loose = issues.filter((i) => !/^parcels\.\d+\.items/.test(i.path))
  return (
    <Modal
      title={`发货 · 订单 ${order.outTradeNo}`}
      open={open}
      width={640}
      onCancel={onClose}
      okText="确认发货"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{`待发：${left.map((i) => `${itemName(i)} × ${i.qty}`).join('，') || '无'}`}</Typography.Paragraph>
      {loose.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} message="发货没有成功" description={loose.map((i) => <div key={i.path + i.message}>{i.message}</div>)} />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onValuesChange={(changed: Partial<ShipValues>, all: ShipValues) => {
          // Parcels with chosen items: 全部发完 follows whether they hold everything left.
          if (changed.parcels && needsItems(all)) form.setFieldValue('allDelivered', coversAll(all.parcels, left))
        }}
      >
        <Form.Item name="logisticsType" label="物流方式" extra={sentBefore.length > 0 ? `已发出 ${sentBefore.length} 个包裹，剩下的商品用同样的方式发` : undefined}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            disabled={sentBefore.length > 0}
            options={(Object.keys(LOGISTICS_TYPE_LABELS) as LogisticsType[]).map((k) => ({ value: k, label: LOGISTICS_TYPE_LABELS[k] }))}
          />
        </Form.Item>
        {logisticsType === 'express' ? (
          <Form.List name="parcels">
            {(fields, { add, remove }) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                {fields.map((field, index) => {
                  const itemsIssue = issues.find((i) => i.path.startsWith(`parcels.${index}.items`))
                  return (
                    <Card
                      key={field.key}
                      size="small"
                      role="group"
                      aria-label={`包裹 ${index + 1}`}
                      title={fields.length > 1 ? `包裹 ${index + 1}` : '包裹'}
                      extra={fields.length > 1 && <Button type="link" danger size="small" onClick={() => remove(field.name)}>删除包裹</Button>}
                    >
                      <div style={{ display: 'flex', gap: 12 }}>
                        <Form.Item style={{ flex: 1 }} name={[field.name, 'carrierCode']} label="快递公司" rules={[{ required: true, message: '请选择快递公司' }]}>
                          <CarrierSelect carriers={carriers} />
                        </Form.Item>
                        <Form.Item style={{ flex: 1 }} name={[field.name, 'trackingNo']} label="运单号" rules={[{ required: true, whitespace: true, message: '请填写运单号' }, { max: MAX_TRACKING_NO, message: `运单号最多 ${MAX_TRACKING_NO} 位` }]}>
                          <Input aria-label="运单号" placeholder="如 SF1234567890" maxLength={MAX_TRACKING_NO} />
                        </Form.Item>
                      </div>
                      {split && (
                        <div>
                          <Typography.Text type="secondary">这个包裹里的商品</Typography.Text>
                          {left.map((i) => (
                            <Space key={i.skuId} style={{ display: 'flex', marginTop: 8 }}>
                              <Form.Item noStyle name={[field.name, 'qty', i.skuId]}>
                                <InputNumber aria-label={`${itemName(i)} 数量`} min={0} max={i.qty} precision={0} placeholder="0" style={{ width: 90 }} />
                              </Form.Item>
                              <span>{`${itemName(i)}（共 ${i.qty} 件待发）`}</span>
                            </Space>
                          ))}
                          {itemsIssue && <Typography.Text type="danger" style={{ display: 'block', marginTop: 4 }}>{itemsIssue.message}</Typography.Text>}
                        </div>
                      )}
                    </Card>
                  )
                })}
                <Button disabled={fields.length >= maxParcels} onClick={() => add({ qty: {} })}>
                  {fields.length >= maxParcels ? `一个订单最多 ${MAX_PARCELS} 个包裹` : '添加包裹（分包裹发货）'}
                </Button>
              </Space>
            )}
          </Form.List>
        ) : (
          <Alert type="info" showIcon message={HINTS[logisticsType]} style={{ marginBottom: 16 }} />
        )}
        <Form.Item name="allDelivered" label="全部发完" valuePropName="checked" style={{ marginTop: 16 }} extra={allDelivered ? '这次发完后订单变为「已发货」' : '还有商品之后再发，订单保持「待发货」'}>
          <Switch aria-label="全部发完" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
