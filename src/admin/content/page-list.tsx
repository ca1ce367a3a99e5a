/** Content pages: status, what goes live or ends when, last change; new pages start here (blank or from a template), or as a copy of one. */
import { CopyOutlined, PlusOutlined } from '@ant-design/icons'
import { useMutation } from '@tanstack/react-query'
import { Button, Space, Table, Typography } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router'
import type { AdminPage } from '@core/contract/admin-pages'
import { formatTime } from '../common/format'
import { useNotify } from '../common/notify'
import { useStaffNames } from '../common/staff-names'
import { ErrorBanner } from '../query/query-state'
import { NewPageModal } from './new-page-modal'
import { usePageChanged, usePages } from './page-queries'
import { pagesApi } from './pages-api'
import { StatusTag } from './status-tag'

export function PageList() {
  const query = usePages()
  const [creating, setCreating] = useState(false)
  const staffNames = useStaffNames()
  const navigate = useNavigate()
  const notify = useNotify()
  const pageChanged = usePageChanged()
  const duplicate = useMutation({
    mutationFn: (p: AdminPage) => pagesApi.duplicate(p.id),
    onSuccess: (copy) => {
      pageChanged(copy)
      notify.success(`已复制为草稿“${copy.title}”（/${copy.slug}）`)
      void navigate(`/pages/${copy.id}`)
    },
    onError: (e) => notify.error(e)
  })

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
          { title: '排期', key: 'schedule', render: (_, p) => <Schedule page={p} /> },
          { title: '发布时间', key: 'publishedAt', render: (_, p) => formatTime(p.publishedAt) },
          {
            title: '最后修改',
            key: 'updated',
            render: (_, p) => {
              const by = staffNames?.lastPageEditors.get(p.id) ?? null
              return by ? `${by} · ${formatTime(p.updatedAt)}` : formatTime(p.updatedAt)
            }
          },
          {
            title: '操作',
            key: 'actions',
            render: (_, p) => (
              <Button
                size="small"
                icon={<CopyOutlined />}
                aria-label={`复制页面 ${p.title}`}
                loading={duplicate.isPending && duplicate.variables?.id === p.id}
                onClick={(e) => {
                  e.stopPropagation()
                  duplicate.mutate(p)
                }}
              >
                复制
              </Button>
            )
          }
        ]}
      />
      <NewPageModal open={creating} onClose={() => setCreating(false)} onCreated={(p) => void navigate(`/pages/${p.id}`)} />
    </Space>
  )
}

/** What happens to the page next, by the staff's clock: 上线 at its scheduled time, 下线 at its scheduled end. */
export function Schedule({ page, now = dayjs() }: { page: Pick<AdminPage, 'scheduledAt' | 'unpublishAt'>; now?: dayjs.Dayjs }) {
  const when = (iso: string) => {
    const t = dayjs(iso)
    const days = t.startOf('day').diff(now.startOf('day'), 'day')
    const day = days === 0 ? '今天' : days === 1 ? '明天' : t.year() === now.year() ? t.format('M月D日') : t.format('YYYY年M月D日')
    return `${day} ${t.format('HH:mm')}`
  }
  const lines = [
    ...(page.scheduledAt ? [{ key: 'on', text: `${when(page.scheduledAt)} 上线`, title: formatTime(page.scheduledAt) }] : []),
    ...(page.unpublishAt ? [{ key: 'off', text: `${when(page.unpublishAt)} 下线`, title: formatTime(page.unpublishAt) }] : [])
  ]
  if (lines.length === 0) return <Typography.Text type="secondary">—</Typography.Text>
  return (
    <Space direction="vertical" size={0}>
      {lines.map((l) => (
        <Typography.Text key={l.key} type={l.key === 'off' ? 'warning' : undefined} title={l.title}>
          {l.text}
        </Typography.Text>
      ))}
    </Space>
  )
}
