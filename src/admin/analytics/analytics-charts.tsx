/** The funnel and the daily trend of paid orders. */
import ReactEChartsCore from 'echarts-for-react/lib/core'
import { formatFen } from '@core/money'
import type { DailyRow, FunnelResponse } from '@core/contract/analytics'
import { echarts } from './charts'
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
