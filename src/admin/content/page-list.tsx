/** Content pages: status, scheduled time, last change; new pages start here. */
import { PlusOutlined } from '@ant-design/icons'
import { Button, Space, Table, Typography } from 'antd'
import { useEffect, useState } from 'react'
import type { AdminPage } from '../api/types'
import { formatTime } from '../common/format'
import { useStaffNames } from '../common/staff-names'
import { useNotify } from '../common/notify'
import { navigate } from '../router'
import { NewPageModal } from './new-page-modal'
import { pagesApi } from './pages-api'
import { StatusTag } from './status-tag'

export function editorName(by: AdminPage['updatedBy']): string | null {
  if (!by) return null
  return typeof by === 'string' ? by : by.name || by.email || by.id
}

export function PageList() {
  const [pages, setPages] = useState<AdminPage[] | null>(null)
  const [creating, setCreating] = useState(false)
  const staffNames = useStaffNames()
  const notify = useNotify()
  useEffect(() => {
    pagesApi.list().then(
      (r) => setPages(r.items),
      (e: unknown) => {
        notify.error(e)
        setPages([])
      }
    )
  }, [notify])

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
      <Table<AdminPage>
        rowKey="id"
        loading={pages === null}
        dataSource={pages ?? []}
        onRow={(p) => ({ onClick: () => navigate(`/pages/${p.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: '标题', dataIndex: 'title', render: (t: string, p) => <a href={`#/pages/${p.id}`}>{t}</a> },
          { title: '链接名', dataIndex: 'slug' },
          { title: '状态', key: 'status', render: (_, p) => <StatusTag page={p} /> },
          { title: '定时发布', key: 'scheduledAt', render: (_, p) => (p.scheduledAt ? formatTime(p.scheduledAt) : '—') },
          { title: '发布时间', key: 'publishedAt', render: (_, p) => formatTime(p.publishedAt) },
          {
            title: '最后修改',
            key: 'updated',
            render: (_, p) => {
              const by = editorName(p.updatedBy) ?? staffNames?.lastPageEditors.get(p.id) ?? null
              return by ? `${by} · ${formatTime(p.updatedAt)}` : formatTime(p.updatedAt)
            }
          }
        ]}
      />
      <NewPageModal open={creating} onClose={() => setCreating(false)} onCreated={(p) => navigate(`/pages/${p.id}`)} />
    </Space>
  )
}
