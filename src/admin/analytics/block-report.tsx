/**
 * 模块表现: for one content page, what shoppers did with each block (views,
 * viewers, taps, add-to-carts), so staff see which part of a page sells; and
 * the 开售提醒 figures, when the server answers them: how many shoppers asked
 * to be reminded and how many of them bought.
 */
import { useQuery } from '@tanstack/react-query'
import { Card, Col, Row, Select, Space, Statistic, Table, Typography } from 'antd'
import { useState } from 'react'
import type { BlockReportRow, ReminderReport } from '@core/contract/launch'
import { api } from '../api/client'
import { labelOf } from '../content/block-types'
import { keys } from '../query/query-client'
import { ErrorBanner } from '../query/query-state'
import type { Window } from './analytics-api'
import { percent } from './report-math'

export const blockReportApi = {
  blocks: (w: Window, contentSlug: string) => api.get<{ rows: BlockReportRow[] }>('/api/admin/analytics/blocks', { ...w, contentSlug }).then((r) => r.rows),
  reminders: (w: Window, contentSlug?: string) => api.get<ReminderReport>('/api/admin/analytics/launch-reminders', { ...w, contentSlug })
}

export function BlockTable({ rows, loading }: { rows: BlockReportRow[]; loading: boolean }) {
  return (
    <Table<BlockReportRow>
      rowKey={(r) => `${r.blockIndex}:${r.blockType}`}
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: '这段时间这个页面没有模块数据' }}
      columns={[
        { title: '模块', key: 'block', render: (_, r) => `${r.blockIndex + 1}. ${labelOf(r.blockType)}` },
        { title: '曝光', dataIndex: 'views', sorter: (a, b) => a.views - b.views },
        { title: '曝光人数', dataIndex: 'viewers' },
        { title: '点击商品', dataIndex: 'taps', sorter: (a, b) => a.taps - b.taps },
        { title: '点击率', key: 'tapRate', render: (_, r) => percent(r.taps, r.views) },
        { title: '加购', dataIndex: 'addToCarts', sorter: (a, b) => a.addToCarts - b.addToCarts },
        { title: '加购率', key: 'cartRate', render: (_, r) => percent(r.addToCarts, r.viewers) }
      ]}
    />
  )
}

export function ReminderFigures({ report, contentSlug }: { report: ReminderReport; contentSlug?: string }) {
  const pages = contentSlug ? report.pages.filter((p) => p.contentSlug === contentSlug) : report.pages
  const reminders = pages.reduce((n, p) => n + p.reminders, 0)
  const buyers = pages.reduce((n, p) => n + p.buyers, 0)
  if (reminders === 0) return null
  return (
    <Row gutter={16} style={{ marginBottom: 12 }}>
      <Col span={8}>
        <Statistic title="开售提醒" value={reminders} suffix="人" />
      </Col>
      <Col span={8}>
        <Statistic title="提醒后购买" value={buyers} suffix="人" />
      </Col>
      <Col span={8}>
        <Statistic title="提醒转化率" value={percent(buyers, reminders)} />
      </Col>
    </Row>
  )
}

export function BlockReportCard({ win, pages, titleOf }: { win: Window; pages: string[]; titleOf: (slug: string) => string | null }) {
  const [picked, setPicked] = useState<string | undefined>(undefined)
  const slug = picked ?? pages[0]
  const blocks = useQuery({
    queryKey: [...keys.analytics, 'blocks', win, slug ?? null],
    queryFn: () => blockReportApi.blocks(win, slug as string),
    enabled: slug !== undefined
  })
  // Reminders are optional: a server without them answers 404 and the figures stay hidden.
  const reminders = useQuery({ queryKey: [...keys.analytics, 'launch-reminders', win], queryFn: () => blockReportApi.reminders(win), retry: false })
  return (
    <Card
      title="模块表现"
      extra={
        <Select
          aria-label="模块表现的页面"
          placeholder="选择内容页面"
          style={{ width: 220 }}
          value={slug}
          onChange={(v: string) => setPicked(v)}
          // A node label, so the picked page carries no title attribute of its own (the funnel's picker has those).
          options={pages.map((s) => ({ value: s, label: <span>{titleOf(s) ?? s}</span> }))}
        />
      }
    >
      {reminders.data && <ReminderFigures report={reminders.data} contentSlug={slug} />}
      {slug === undefined ? (
        <Typography.Text type="secondary">这段时间没有内容数据</Typography.Text>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <ErrorBanner query={blocks} />
          <BlockTable rows={blocks.data ?? []} loading={blocks.isPending} />
        </Space>
      )}
    </Card>
  )
}
