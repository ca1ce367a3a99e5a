/** 数据: a date range, then the funnel, the daily trend, the channels, the content table and the sharer leaderboard. */
import { useQuery } from '@tanstack/react-query'
import { Card, Col, DatePicker, Row, Select, Space, Spin, Statistic, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useMemo, useState } from 'react'
import { formatFen } from '@core/money'
import { usePageTitles } from '../content/page-queries'
import { keys } from '../query/query-client'
import { ErrorBanner, QueryView } from '../query/query-state'
import { analyticsApi, type Window } from './analytics-api'
import { ChannelChartView, DailyChartView, FunnelChartView } from './analytics-charts'
import { ContentTable, SharerTable } from './analytics-tables'
import { BlockReportCard } from './block-report'
import { ChannelTable } from './channel-report'

type Range = [Dayjs, Dayjs]
const lastDays = (n: number): Range => [dayjs().subtract(n - 1, 'day').startOf('day'), dayjs().endOf('day')]

export function AnalyticsScreen() {
  const [range, setRange] = useState<Range>(() => lastDays(7))
  const [slug, setSlug] = useState<string | undefined>(undefined)
  const win = useMemo<Window>(() => ({ from: range[0].startOf('day').format(), to: range[1].endOf('day').format() }), [range])
  const reportsQuery = useQuery({
    queryKey: [...keys.analytics, 'reports', win],
    queryFn: async () => {
      const [content, sharers, daily] = await Promise.all([analyticsApi.content(win), analyticsApi.sharers(win), analyticsApi.daily(win)])
      return { content, sharers, daily }
    }
  })
  const channelsQuery = useQuery({ queryKey: [...keys.analytics, 'channels', win, slug ?? null], queryFn: () => analyticsApi.channels(win, slug) })
  const funnelQuery = useQuery({ queryKey: [...keys.analytics, 'funnel', win, slug ?? null], queryFn: () => analyticsApi.funnel(win, slug) })
  const reports = reportsQuery.data
  const steps = funnelQuery.data
  const titleOf = usePageTitles()

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
      <ErrorBanner query={reportsQuery} />
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
                options={(reports?.content ?? []).map((r) => ({ value: r.slug, label: titleOf(r.slug) ?? r.slug }))}
              />
            }
          >
            <QueryView query={funnelQuery}>{(data) => <FunnelChartView steps={data} />}</QueryView>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="每日支付订单">{reports ? <DailyChartView rows={reports.daily} /> : <Spin />}</Card>
        </Col>
      </Row>
      <Card title={slug ? `渠道（${titleOf(slug) ?? slug}）` : '渠道'}>
        <ErrorBanner query={channelsQuery} />
        <Row gutter={16}>
          <Col xs={24} xl={10}>{channelsQuery.data ? <ChannelChartView rows={channelsQuery.data} /> : <Spin />}</Col>
          <Col xs={24} xl={14}>
            <ChannelTable rows={channelsQuery.data ?? []} loading={channelsQuery.isPending} />
          </Col>
        </Row>
      </Card>
      <Card title="内容表现">
        <ContentTable rows={reports?.content ?? []} loading={reportsQuery.isPending} titleOf={titleOf} />
      </Card>
      <BlockReportCard win={win} pages={(reports?.content ?? []).map((r) => r.slug)} titleOf={titleOf} />
      <Card title="分享达人榜">
        <SharerTable rows={reports?.sharers ?? []} loading={reportsQuery.isPending} />
      </Card>
    </Space>
  )
}
