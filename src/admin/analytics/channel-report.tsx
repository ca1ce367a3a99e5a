/**
 * 渠道: where the shoppers who opened and bought came from (chat, Moments,
 * posters, Weibo…), by campaign within each channel: the sums per channel the
 * chart draws (analytics-charts.tsx), and the table of every channel and campaign.
 */
import { Table } from 'antd'
import { channelLabel } from '@core/channels'
import { formatFen } from '@core/money'
import type { ChannelReportRow } from '@core/contract/rewards'
import { percent } from './report-math'

/** Rows summed per channel (campaigns folded in), channels with the most opens first. */
export function byChannel(rows: ChannelReportRow[]): Array<{ channel: string; opens: number; paidOrders: number; paidFen: number }> {
  const sums = new Map<string, { channel: string; opens: number; paidOrders: number; paidFen: number }>()
  for (const r of rows) {
    const s = sums.get(r.channel) ?? { channel: r.channel, opens: 0, paidOrders: 0, paidFen: 0 }
    s.opens += r.opens
    s.paidOrders += r.paidOrders
    s.paidFen += r.paidFen
    sums.set(r.channel, s)
  }
  return [...sums.values()].sort((a, b) => b.opens - a.opens || b.paidFen - a.paidFen)
}

export function ChannelTable({ rows, loading }: { rows: ChannelReportRow[]; loading: boolean }) {
  return (
    <Table<ChannelReportRow>
      rowKey={(r) => `${r.channel}/${r.campaignCode ?? ''}`}
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      locale={{ emptyText: '这段时间没有渠道数据' }}
      columns={[
        { title: '渠道', dataIndex: 'channel', render: channelLabel },
        { title: '推广', key: 'campaign', render: (_, r) => (r.campaignCode ? (r.campaignName ?? r.campaignCode) : '—') },
        { title: '打开', dataIndex: 'opens', sorter: (a, b) => a.opens - b.opens },
        { title: '新用户', dataIndex: 'newUsers' },
        { title: '加购', dataIndex: 'addToCarts' },
        { title: '订单', dataIndex: 'orders' },
        { title: '支付订单', dataIndex: 'paidOrders' },
        { title: '支付金额', dataIndex: 'paidFen', render: formatFen, sorter: (a, b) => a.paidFen - b.paidFen, defaultSortOrder: 'descend' },
        { title: '已退款', dataIndex: 'refundedFen', render: formatFen },
        { title: '打开→支付', key: 'conversion', render: (_, r) => percent(r.paidOrders, r.opens) }
      ]}
    />
  )
}
