/** 推广: the campaigns staff post outside WeChat, what each opens, and what it brought; a row opens its links and code. */
import { PlusOutlined } from '@ant-design/icons'
import { Button, Empty, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { channelLabel } from '@core/channels'
import { formatFen } from '@core/money'
import type { CampaignDto } from '@core/contract/reach'
import { formatTime } from '../common/format'
import { usePageTitles } from '../content/page-queries'
import { useAllProducts } from '../products/product-queries'
import { ErrorBanner } from '../query/query-state'
import { CampaignDetail, targetText } from './campaign-detail'
import { CampaignForm } from './campaign-form'
import { useCampaigns } from './campaign-queries'

export function CampaignList() {
  const query = useCampaigns()
  const [creating, setCreating] = useState(false)
  const [shown, setShown] = useState<string | null>(null)
  const titleOf = usePageTitles()
  const products = useAllProducts()
  const productTitleOf = (id: string) => products.data?.find((p) => p.id === id)?.title ?? null

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          推广
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          新建推广
        </Button>
      </Space>
      <Typography.Text type="secondary">为微博、短信、邮件、海报和线下物料生成链接与小程序码，按渠道统计带来的打开和成交。</Typography.Text>
      <ErrorBanner query={query} />
      <Table<CampaignDto>
        rowKey="id"
        loading={query.isPending}
        dataSource={query.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description="还没有推广，点“新建推广”生成第一个链接" /> }}
        onRow={(c) => ({ onClick: () => setShown(c.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '渠道', dataIndex: 'channel', render: (ch: string) => <Tag color="blue">{channelLabel(ch)}</Tag> },
          { title: '打开', key: 'target', render: (_, c) => targetText(c, titleOf, productTitleOf) },
          { title: '打开次数', key: 'opens', render: (_, c) => c.figures?.opens ?? '—' },
          { title: '支付订单', key: 'paid', render: (_, c) => c.figures?.paidOrders ?? '—' },
          { title: '支付金额', key: 'paidFen', render: (_, c) => (c.figures ? formatFen(c.figures.paidFen) : '—') },
          { title: '创建时间', dataIndex: 'createdAt', render: formatTime },
          {
            title: '操作',
            key: 'open',
            render: (_, c) => (
              <Button size="small" onClick={(e) => (e.stopPropagation(), setShown(c.id))}>
                链接和小程序码
              </Button>
            )
          }
        ]}
      />
      <CampaignForm
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(c) => {
          setCreating(false)
          setShown(c.id)
        }}
      />
      <CampaignDetail id={shown} onClose={() => setShown(null)} />
    </Space>
  )
}
