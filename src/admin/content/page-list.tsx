/** Content pages: status, scheduled time, last change; new pages start here. */
import { PlusOutlined } from '@ant-design/icons'
import { Button, Space, Table, Typography } from 'antd'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router'
import type { AdminPage } from '@core/contract/admin-pages'
import { formatTime } from '../common/format'
import { useStaffNames } from '../common/staff-names'
import { ErrorBanner } from '../query/query-state'
import { NewPageModal } from './new-page-modal'
import { usePages } from './page-queries'
import { StatusTag } from './status-tag'

export function PageList() {
  const query = usePages()
  const [creating, setCreating] = useState(false)
  const staffNames = useStaffNames()
  const navigate = useNavigate()

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          内容页面
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          新建页面
        </Button>
      </Space>
      <ErrorBanner query={query} />
      <Table<AdminPage>
        rowKey="id"
        loading={query.isPending}
        dataSource={query.data ?? []}
        locale={{ emptyText: '还没有内容页面，点「新建页面」开始' }}
        onRow={(p) => ({ onClick: () => void navigate(`/pages/${p.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: '标题', dataIndex: 'title', render: (t: string, p) => <Link to={`/pages/${p.id}`}>{t}</Link> },
          { title: '链接名', dataIndex: 'slug' },
          { title: '状态', key: 'status', render: (_, p) => <StatusTag page={p} /> },
          { title: '定时发布', key: 'scheduledAt', render: (_, p) => (p.scheduledAt ? formatTime(p.scheduledAt) : '—') },
          { title: '发布时间', key: 'publishedAt', render: (_, p) => formatTime(p.publishedAt) },
          {
            title: '最后修改',
            key: 'updated',
            render: (_, p) => {
              const by = staffNames?.lastPageEditors.get(p.id) ?? null
              return by ? `${by} · ${formatTime(p.updatedAt)}` : formatTime(p.updatedAt)
            }
          }
        ]}
      />
      <NewPageModal open={creating} onClose={() => setCreating(false)} onCreated={(p) => void navigate(`/pages/${p.id}`)} />
    </Space>
  )
}
