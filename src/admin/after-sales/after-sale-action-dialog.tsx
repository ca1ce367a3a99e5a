/**
 * The three staff decisions on an after-sales request, each saying what will
 * happen before it is sent: 同意 (with 退回库存), 拒绝 (with a reason the
 * shopper will read), 确认收到退货 (then the refund goes to WeChat Pay).
 */
import { Alert, Checkbox, Form, Input, Modal } from 'antd'
import { useState } from 'react'
import type { AdminAfterSaleDto } from '@core/contract/after-sales'
import { formatFen } from '@core/money'
import { useNotify } from '../common/notify'
import { afterSalesApi } from './after-sales-api'

export type AfterSaleDecision = 'approve' | 'reject' | 'receive'

const TITLES: Record<AfterSaleDecision, string> = { approve: '同意售后', reject: '拒绝售后', receive: '确认收到退货' }
const OK_TEXT: Record<AfterSaleDecision, string> = { approve: '同意', reject: '拒绝', receive: '确认收到' }

function explain(decision: AfterSaleDecision, a: AdminAfterSaleDto): string {
  const amount = formatFen(a.amountFen)
  if (decision === 'reject') return '拒绝后顾客会看到你填写的原因，可以再次申请。'
  if (decision === 'receive') return `确认后将通过微信支付退还 ${amount} 给顾客${a.restock ? '，并把商品退回库存' : ''}。`
  return a.kind === 'refund'
    ? `同意后将通过微信支付退还 ${amount} 给顾客。`
    : `同意后顾客会被告知寄回商品；收到退货后再点「确认收到退货」，才会退款 ${amount}。`
}

export function AfterSaleActionDialog({
  request,
  decision,
  onClose,
  onDone
}: {
  request: AdminAfterSaleDto
  decision: AfterSaleDecision
  onClose: () => void
  onDone: () => void
}) {
  const [form] = Form.useForm<{ restock: boolean; reason: string }>()
  const [busy, setBusy] = useState(false)
  const notify = useNotify()

  const send = async () => {
    const v = await form.validateFields().catch(() => null)
    if (!v) return
    setBusy(true)
    try {
      if (decision === 'approve') await afterSalesApi.approve(request.id, Boolean(v.restock))
      else if (decision === 'reject') await afterSalesApi.reject(request.id, v.reason.trim())
      else await afterSalesApi.received(request.id)
      notify.success(decision === 'approve' ? '已同意' : decision === 'reject' ? '已拒绝' : '已确认收到退货，退款已提交')
      onDone()
    } catch (e) {
      notify.error(e, form)
      // The request may have moved meanwhile (the shopper withdrew it): show what it is now.
      onDone()
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal
      title={`${TITLES[decision]} · 订单 ${request.outTradeNo}`}
      open
      onCancel={onClose}
      okText={OK_TEXT[decision]}
      cancelText="取消"
      okButtonProps={{ danger: decision === 'reject' }}
      confirmLoading={busy}
      onOk={() => void send()}
      destroyOnHidden
    >
      <Alert type={decision === 'reject' ? 'warning' : 'info'} showIcon message={explain(decision, request)} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" initialValues={{ restock: request.orderStatus === 'paid' || request.kind === 'return', reason: '' }}>
        {decision === 'approve' && (
          <Form.Item name="restock" valuePropName="checked" extra={request.kind === 'return' ? '收到退货后把商品加回库存' : '商品没有寄出或不再寄回时，把数量加回库存'}>
            <Checkbox>退回库存</Checkbox>
          </Form.Item>
        )}
        {decision === 'reject' && (
          <Form.Item name="reason" label="拒绝原因" rules={[{ required: true, whitespace: true, message: '请填写拒绝原因' }, { max: 80, message: '最多 80 个字' }]}>
            <Input.TextArea aria-label="拒绝原因" rows={3} maxLength={80} showCount placeholder="如：商品已签收超过 7 天，且不影响二次销售" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  )
}
