/** The shop setting 「未发货订单的退款申请自动同意」 (GET/PUT /api/admin/settings). */
import { Space, Switch, Typography } from 'antd'
import { useEffect, useState } from 'react'
import type { ShopSettings } from '@core/api-types'
import { useNotify } from '../common/notify'
import { afterSalesApi } from './after-sales-api'

const LABEL = '未发货订单的退款申请自动同意'

export function AutoApproveSwitch() {
  const [settings, setSettings] = useState<ShopSettings | null>(null)
  const [saving, setSaving] = useState(false)
  const notify = useNotify()
  useEffect(() => {
    afterSalesApi.settings().then(setSettings, (e: unknown) => notify.error(e))
  }, [notify])

  const change = async (on: boolean) => {
    setSaving(true)
    try {
      setSettings(await afterSalesApi.saveSettings({ afterSaleAutoApprove: on }))
      notify.success(on ? '已开启：未发货订单的退款申请会自动同意并退款' : '已关闭：所有售后申请都由你来审核')
    } catch (e) {
      notify.error(e)
    } finally {
      setSaving(false)
    }
  }

  return (
    <Space>
      <Switch aria-label={LABEL} checked={settings?.afterSaleAutoApprove ?? false} disabled={settings === null} loading={saving} onChange={(on) => void change(on)} />
      <Typography.Text>{LABEL}</Typography.Text>
      <Typography.Text type="secondary">（只对已付款、还没发货的仅退款申请生效）</Typography.Text>
    </Space>
  )
}
