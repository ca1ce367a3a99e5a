/** The content table (views → add to cart → orders → paid ¥, conversion) and the sharer leaderboard. */
import { Avatar, Space, Table } from 'antd'
import { formatFen } from '@core/money'
import type { ContentReportRow, SharerReportRow } from '@core/contract/analytics'
import { percent, rankSharers } from './report-math'

export function ContentTable({ rows, loading, titleOf = (s) => s }: { rows: ContentReportRow[]; loading: boolean; titleOf?: (slug: string) => string | null }) {
  return (
    <Table<ContentReportRow>
      rowKey="slug"
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      locale={{ emptyText: '这段时间没有内容数据' }}
      columns={[
        { title: '内容页面', dataIndex: 'slug', render: (slug: string) => <span title={slug}>{titleOf(slug) ?? slug}</span> },
        { title: '浏览', dataIndex: 'views', sorter: (a, b) => a.views - b.views },
        { title: '浏览人数', dataIndex: 'viewers' },
        { title: '分享', dataIndex: 'shares' },
        { title: '分享打开', dataIndex: 'shareOpens' },
        { title: '加购', dataIndex: 'addToCarts' },
        { title: '订单', dataIndex: 'orders' },
        { title: '支付订单', dataIndex: 'paidOrders' },
        { title: '支付金额', dataIndex: 'paidFen', render: formatFen, sorter: (a, b) => a.paidFen - b.paidFen, defaultSortOrder: 'descend' },
        { title: '已退款', dataIndex: 'refundedFen', render: (f?: number) => formatFen(f ?? 0) },
        { title: '转化率', key: 'conversion', render: (_, r) => percent(r.paidOrders, r.viewers) }
      ]}
    />
  )
}

export function SharerTable({ rows, loading }: { rows: SharerReportRow[]; loading: boolean }) {
  return (
    <Table<SharerReportRow>
      rowKey="userId"
      size="small"
      loading={loading}
      dataSource={rankSharers(rows)}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      locale={{ emptyText: '这段时间没有分享' }}
      columns={[
        { title: '排名', key: 'rank', width: 64, render: (_, __, i) => i + 1 },
        {
          title: '分享人',
          key: 'sharer',
          // The nickname and avatar the sharer set in the app (我的资料); the user id otherwise, and always on hover.
          render: (_, r) => (
            <Space size={8} title={r.userId}>
              {r.avatarUrl ? <Avatar size="small" src={r.avatarUrl} alt="" /> : null}
              <span>{r.name ?? r.userId}</span>
            </Space>
          )
        },
        { title: '分享次数', dataIndex: 'shares' },
        { title: '打开人数', dataIndex: 'opens' },
        { title: '带来新用户', dataIndex: 'newUsers' },
        { title: '支付订单', dataIndex: 'paidOrders' },
        { title: '支付金额', dataIndex: 'paidFen', render: formatFen },
        { title: '已退款', dataIndex: 'refundedFen', render: (f?: number) => formatFen(f ?? 0) },
        { title: '传播层级', dataIndex: 'maxDepth' }
      ]}
    />
  )
}
