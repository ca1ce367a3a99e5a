/** 数据: a date range, then the funnel, the daily trend, the content table and the sharer leaderboard. */
import { Card, Col, DatePicker, Row, Select, Space, Spin, Statistic, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useEffect, useMemo, useState } from 'react'
import { formatFen } from '@core/money'
import type { ContentReportRow, DailyRow, FunnelResponse, SharerReportRow } from '../api/types'
import { useNotify } from '../common/notify'
import { analyticsApi, type Window } from './analytics-api'
import { DailyChartView, FunnelChartView } from './analytics-charts'
import { ContentTable, SharerTable } from './analytics-tables'

type Range = [Dayjs, Dayjs]
const lastDays = (n: number): Range => [dayjs().subtract(n - 1, 'day').startOf('day'), dayjs().endOf('day')]

interface Reports {
  content: ContentReportRow[]
  sharers: SharerReportRow[]
  daily: DailyRow[]
}

export function AnalyticsScreen() {
  const [range, setRange] = useState<Range>(() => lastDays(7))
  const [slug, setSlug] = useState<string | undefined>(undefined)
  const [reports, setReports] = useState<Reports | null>(null)
  const [steps, setSteps] = useState<FunnelResponse['steps'] | null>(null)
  const notify = useNotify()
  const win = useMemo<Window>(() => ({ from: range[0].startOf('day').format(), to: range[1].endOf('day').format() }), [range])

  useEffect(() => {
    setReports(null)
    Promise.all([analyticsApi.content(win), analyticsApi.sharers(win), analyticsApi.daily(win)]).then(
      ([content, sharers, daily]) => setReports({ content, sharers, daily }),
      (e: unknown) => notify.error(e)
    )
  }, [win, notify])
  useEffect(() => {
    setSteps(null)
    analyticsApi.funnel(win, slug).then(setSteps, (e: unknown) => notify.error(e))
  }, [win, slug, notify])

  const paidOrders = reports?.daily.reduce((n, r) => n + r.paidOrders, 0) ?? 0
  const paidFen = reports?.daily.reduce((n, r) => n + r.paidFen, 0) ?? 0

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          数据
        </Typography.Title>
        <DatePicker.RangePicker
          aria-label="统计时间"
          allowClear={false}
          value={range}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
          presets={[
            { label: '最近 7 天', value: lastDays(7) },
            { label: '最近 30 天', value: lastDays(30) }
          ]}
        />
      </Space>
      <Row gutter={16}>
        <Col span={8}>
          <Card><Statistic title="支付订单" value={reports ? paidOrders : '—'} suffix="笔" /></Card>
        </Col>
        <Col span={8}>
          <Card><Statistic title="支付金额" value={reports ? formatFen(paidFen) : '—'} /></Card>
        </Col>
        <Col span={8}>
          <Card><Statistic title="浏览内容的人" value={steps ? (steps[0]?.users ?? 0) : '—'} suffix="人" /></Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card
            title="转化漏斗"
            extra={
              <Select
                aria-label="漏斗内容"
                allowClear
                placeholder="全部内容"
                style={{ width: 200 }}
                value={slug}
                onChange={(v?: string) => setSlug(v)}
                options={(reports?.content ?? []).map((r) => ({ value: r.slug, label: r.slug }))}
              />
            }
          >
            {steps ? <FunnelChartView steps={steps} /> : <Spin />}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="每日支付订单">{reports ? <DailyChartView rows={reports.daily} /> : <Spin />}</Card>
        </Col>
      </Row>
      <Card title="内容表现">
        <ContentTable rows={reports?.content ?? []} loading={!reports} />
      </Card>
      <Card title="分享达人榜">
        <SharerTable rows={reports?.sharers ?? []} loading={!reports} />
      </Card>
    </Space>
  )
}
