/** The funnel, the daily trend of paid orders, and opens and paid orders per channel. */
import ReactEChartsCore from 'echarts-for-react/lib/core'
import { Empty } from 'antd'
import { channelLabel } from '@core/channels'
import { formatFen } from '@core/money'
import type { DailyRow, FunnelResponse } from '@core/contract/analytics'
import type { ChannelReportRow } from '@core/contract/rewards'
import { echarts } from './charts'
import { byChannel } from './channel-report'
import { funnelOption } from './funnel-option'

export function FunnelChartView({ steps }: { steps: FunnelResponse['steps'] }) {
  return <ReactEChartsCore echarts={echarts} option={funnelOption(steps)} notMerge style={{ height: 320 }} />
}

export function DailyChartView({ rows }: { rows: DailyRow[] }) {
  const option = {
    tooltip: {
      trigger: 'axis',
      formatter: (ps: Array<{ dataIndex: number }>) => {
        const r = rows[ps[0]?.dataIndex ?? 0]
        return r ? `${r.day}<br/>支付订单 ${r.paidOrders} 笔<br/>支付金额 ${formatFen(r.paidFen)}` : ''
      }
    },
    legend: { top: 0, data: ['支付订单', '支付金额（元）'] },
    grid: { left: 48, right: 64, top: 56, bottom: 32 },
    xAxis: { type: 'category', data: rows.map((r) => r.day.slice(5)) },
    yAxis: [
      { type: 'value', name: '笔', minInterval: 1 },
      { type: 'value', name: '元' }
    ],
    series: [
      { name: '支付订单', type: 'line', data: rows.map((r) => r.paidOrders) },
      { name: '支付金额（元）', type: 'bar', yAxisIndex: 1, barMaxWidth: 24, itemStyle: { opacity: 0.35 }, data: rows.map((r) => r.paidFen / 100) }
    ]
  }
  return <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 300 }} />
}

export function ChannelChartView({ rows }: { rows: ChannelReportRow[] }) {
  const channels = byChannel(rows)
  if (channels.length === 0) return <Empty description="这段时间没有渠道数据" />
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['打开', '支付订单'] },
    grid: { left: 48, right: 48, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: channels.map((c) => channelLabel(c.channel)) },
    yAxis: [
      { type: 'value', name: '次', minInterval: 1 },
      { type: 'value', name: '笔', minInterval: 1 }
    ],
    series: [
      { name: '打开', type: 'bar', barMaxWidth: 28, data: channels.map((c) => c.opens) },
      { name: '支付订单', type: 'bar', barMaxWidth: 28, yAxisIndex: 1, data: channels.map((c) => c.paidOrders) }
    ]
  }
  return <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 300 }} />
}
