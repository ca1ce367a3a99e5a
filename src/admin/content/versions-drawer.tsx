/**
 * Every published version, newest first; restoring one makes it the draft
 * again (not live). The live version offers no 恢复: it is what shoppers see already.
 */
import { useMutation } from '@tanstack/react-query'
import { Button, Drawer, List, Popconfirm, Tag, Typography } from 'antd'
import type { AdminPage } from '@core/contract/admin-pages'
import { formatTime } from '../common/format'
import { useStaffNames } from '../common/staff-names'
import { useNotify } from '../common/notify'
import { ErrorBanner } from '../query/query-state'
import { usePageVersions } from './page-queries'
import { pagesApi } from './pages-api'

export function VersionsDrawer({ pageId, open, onClose, onRestored }: { pageId: string; open: boolean; onClose: () => void; onRestored: (page: AdminPage) => void }) {
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

  return (
    <Drawer title="历史版本" open={open} onClose={onClose} width={420}>
      <ErrorBanner query={query} />
      <List
        loading={query.isPending}
        dataSource={query.data ?? []}
        locale={{ emptyText: '还没有发布过，发布一次就有第一个版本' }}
        renderItem={(v) => (
          <List.Item
            aria-label={`第 ${v.version} 版`}
            actions={
              v.live
                ? []
                : [
                    <Popconfirm key="restore" title={`用第 ${v.version} 版替换当前草稿？`} okText="恢复" cancelText="取消" onConfirm={() => restore.mutate(v.version)}>
                      <Button size="small" loading={restore.isPending && restore.variables === v.version}>
                        恢复
                      </Button>
                    </Popconfirm>
                  ]
            }
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
    </Drawer>
  )
}
