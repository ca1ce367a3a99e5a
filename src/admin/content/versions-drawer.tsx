/**
 * Every published version, newest first; restoring one makes it the draft
 * again (not live). The live version offers no 恢复: it is what shoppers see already.
 * 看改动 shows what a version changed from the one before it; 草稿的改动,
 * what the draft changes from the newest version.
 */
import { useMutation } from '@tanstack/react-query'
import { Button, Drawer, List, Modal, Popconfirm, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import type { AdminPage } from '@core/contract/admin-pages'
import { formatTime } from '../common/format'
import { useStaffNames } from '../common/staff-names'
import { useNotify } from '../common/notify'
import { ErrorBanner } from '../query/query-state'
import { usePageVersions } from './page-queries'
import { pagesApi } from './pages-api'
import { VersionDiff } from './version-diff'
import type { Product } from '@core/contract/catalog'

export function VersionsDrawer({
  pageId,
  open,
  onClose,
  onRestored,
  products
}: {
  pageId: string
  open: boolean
  onClose: () => void
  onRestored: (page: AdminPage) => void
  products?: Product[]
}) {
  const [compare, setCompare] = useState<{ from: number; to: number | 'draft' } | null>(null)
  const query = usePageVersions(pageId, open)
  const notify = useNotify()
  const staffNames = useStaffNames()
  const restore = useMutation({
    mutationFn: (v: number) => pagesApi.restore(pageId, v),
    onSuccess: (page, v) => {
      onRestored(page)
      notify.success(`已把第 ${v} 版恢复为草稿；发布后才会上线`)
      onClose()
    },
    onError: (e) => notify.error(e)
  })

  const versions = query.data ?? []
  const newest = versions[0]
  /** The version published before `v` (the list is newest first). */
  const before = (v: number) => versions.find((x) => x.version < v)?.version

  return (
    <Drawer
      title="历史版本"
      open={open}
      onClose={onClose}
      width={460}
      extra={
        newest && (
          <Button size="small" onClick={() => setCompare({ from: newest.version, to: 'draft' })}>
            草稿的改动
          </Button>
        )
      }
    >
      <ErrorBanner query={query} />
      <List
        loading={query.isPending}
        dataSource={versions}
        locale={{ emptyText: '还没有发布过，发布一次就有第一个版本' }}
        renderItem={(v) => (
          <List.Item
            aria-label={`第 ${v.version} 版`}
            actions={[
              ...(before(v.version) !== undefined
                ? [
                    <Button key="diff" size="small" type="link" onClick={() => setCompare({ from: before(v.version) as number, to: v.version })}>
                      看改动
                    </Button>
                  ]
                : []),
              ...(v.live
                ? []
                : [
                    <Popconfirm key="restore" title={`用第 ${v.version} 版替换当前草稿？`} okText="恢复" cancelText="取消" onConfirm={() => restore.mutate(v.version)}>
                      <Button size="small" loading={restore.isPending && restore.variables === v.version}>
                        恢复
                      </Button>
                    </Popconfirm>
                  ])
            ]}
          >
            <List.Item.Meta
              title={
                <span>
                  {`第 ${v.version} 版 `}
                  {v.live && <Tag color="green">线上</Tag>}
                  {v.scheduled && <Tag color="orange">定时</Tag>}
                </span>
              }
              description={
                <Typography.Text type="secondary">
                  {[v.title, formatTime(v.createdAt), v.createdBy && staffNames?.names.get(v.createdBy)].filter(Boolean).join(' · ')}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
      <Modal
        title={compare && (compare.to === 'draft' ? `草稿相对第 ${compare.from} 版的改动` : `第 ${compare.from} 版 → 第 ${compare.to} 版的改动`)}
        open={compare !== null}
        onCancel={() => setCompare(null)}
        footer={null}
        width={560}
        destroyOnHidden
      >
        {compare && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <VersionDiff pageId={pageId} from={compare.from} to={compare.to} products={products} />
          </Space>
        )}
      </Modal>
    </Drawer>
  )
}
