/**
 * Refund an order, fully or in part: amount in ¥ (checked against what is
 * still refundable) and a reason, then a second step that says exactly what
 * will happen before anything is sent to WeChat Pay. The answer goes into the
 * query cache and every order query is read again (order-queries.ts).
 */
import { Alert, Form, Input, Modal, Radio, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { formatFen } from '@core/money'
import { ApiError } from '../api/api-error'
import type { Order } from '@core/contract/admin-orders'
import { useNotify } from '../common/notify'
import { useRefundOrder } from './order-queries'
import { parseRefundAmount, refundableFenOfOrder } from '@core/refundable'

type Values = { kind: 'full' | 'partial'; amount?: string; reason: string }

export function RefundDialog({ order, open, onClose, onRefunded }: { order: Order; open: boolean; onClose: () => void; onRefunded: (o: Order) => void }) {
  const [form] = Form.useForm<Values>()
  const [confirming, setConfirming] = useState<{ amountFen: number; reason: string } | null>(null)
  const refund = useRefundOrder(order.id)
  const notify = useNotify()
  const maxFen = refundableFenOfOrder(order)
  const kind = Form.useWatch('kind', form)

  useEffect(() => {
    if (!open) return
    setConfirming(null)
    form.resetFields()
  }, [open, form])

  const next = async () => {
    const v = await form.validateFields().catch(() => null)
    if (!v) return
    setConfirming({ amountFen: v.kind === 'full' ? maxFen : (parseRefundAmount(v.amount ?? '', maxFen) as { ok: true; value: number }).value, reason: v.reason.trim() })
  }

  const send = async () => {
    if (!confirming) return
    try {
      const updated = await refund.mutateAsync(confirming)
      notify.success(`已提交退款 ${formatFen(confirming.amountFen)}`)
      onRefunded(updated)
    } catch (e) {
      setConfirming(null)
      if (e instanceof ApiError) {
        // The server names body fields (amountFen, reason); show them on our inputs.
        form.setFields(e.fieldIssues.map((i) => ({ name: (i.path === 'amountFen' ? 'amount' : i.path) as keyof Values, errors: [i.message] })))
      }
      notify.error(e)
    }
  }

  return (
    <Modal
      title={confirming ? '确认退款' : '退款'}
      open={open}
      onCancel={onClose}
      okText={confirming ? '确认退款' : '下一步'}
      cancelText={confirming ? '返回修改' : '取消'}
      okButtonProps={{ danger: !!confirming }}
      confirmLoading={refund.isPending}
      onOk={() => void (confirming ? send() : next())}
      cancelButtonProps={{ onClick: () => (confirming ? setConfirming(null) : onClose()) }}
    >
      {confirming ? (
        <Alert
          type="warning"
          showIcon
          message={`将通过微信支付退还 ${formatFen(confirming.amountFen)} 给顾客`}
          description={`订单 ${order.outTradeNo}，原因：${confirming.reason}。提交后不能撤销。`}
        />
      ) : (
        <Form form={form} layout="vertical" initialValues={{ kind: 'full', reason: '' }}>
          <Typography.Paragraph>{`订单金额 ${formatFen(order.totalFen)}，已退 ${formatFen(order.refundedFen ?? 0)}，最多还能退 ${formatFen(maxFen)}。`}</Typography.Paragraph>
          <Form.Item name="kind" label="退款方式">
            <Radio.Group options={[{ value: 'full', label: `全额退款（${formatFen(maxFen)}）` }, { value: 'partial', label: '部分退款' }]} />
          </Form.Item>
          {kind === 'partial' && (
            <Form.Item
              name="amount"
              label="退款金额"
              rules={[
                {
                  validator: async (_, value: string | undefined) => {
                    const r = parseRefundAmount(value ?? '', maxFen)
                    if (!r.ok) throw new Error(r.error.message)
                  }
                }
              ]}
            >
              <Input aria-label="退款金额" prefix="¥" placeholder="0.00" />
            </Form.Item>
          )}
          <Form.Item name="reason" label="退款原因" rules={[{ required: true, whitespace: true, message: '请填写退款原因' }, { max: 80, message: '最多 80 个字' }]}>
            <Input aria-label="退款原因" maxLength={80} placeholder="如：顾客不想要了、缺货" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  )
}
