/** The shop setting 「未发货订单的退款申请自动同意」 (GET/PUT /api/admin/settings). */
import { Space, Switch, Typography } from 'antd'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ShopSettings } from '@core/contract/settings'
import { useNotify } from '../common/notify'
import { keys } from '../query/query-client'
import { afterSalesApi } from './after-sales-api'

const LABEL = '未发货订单的退款申请自动同意'

export function AutoApproveSwitch() {
  const notify = useNotify()
  const client = useQueryClient()
  const settings = useQuery({ queryKey: keys.afterSales.settings, queryFn: () => afterSalesApi.settings() })
  const save = useMutation({
    mutationFn: (on: boolean) => afterSalesApi.saveSettings({ afterSaleAutoApprove: on }),
    onSuccess: (saved, on) => {
      client.setQueryData<ShopSettings>(keys.afterSales.settings, saved)
      notify.success(on ? '已开启：未发货订单的退款申请会自动同意并退款' : '已关闭：所有售后申请都由你来审核')
    },
    onError: (e) => notify.error(e)
  })

  return (
    <Space>
      <Switch aria-label={LABEL} checked={settings.data?.afterSaleAutoApprove ?? false} disabled={!settings.data} loading={save.isPending} onChange={(on) => save.mutate(on)} />
      <Typography.Text>{LABEL}</Typography.Text>
      <Typography.Text type="secondary">（只对已付款、还没发货的仅退款申请生效）</Typography.Text>
    </Space>
  )
}
