/** Every published version, newest first; restoring one makes it the draft again (not live). */
import { Button, Drawer, List, Popconfirm, Tag, Typography } from 'antd'
import { useEffect, useState } from 'react'
import type { AdminPage, PageVersion } from '../api/types'
import { formatTime } from '../common/format'
import { useStaffNames } from '../common/staff-names'
import { useNotify } from '../common/notify'
import { pagesApi } from './pages-api'

export function VersionsDrawer({ pageId, open, onClose, onRestored }: { pageId: string; open: boolean; onClose: () => void; onRestored: (page: AdminPage) => void }) {
  const [versions, setVersions] = useState<PageVersion[] | null>(null)
  const notify = useNotify()
  const staffNames = useStaffNames()
  useEffect(() => {
    if (!open) return
    setVersions(null)
    pagesApi.versions(pageId).then(setVersions, (e: unknown) => {
      notify.error(e)
      setVersions([])
    })
  }, [open, pageId, notify])

  const restore = async (v: number) => {
    try {
      onRestored(await pagesApi.restore(pageId, v))
      notify.success(`已把第 ${v} 版恢复为草稿；发布后才会上线`)
      onClose()
    } catch (e) {
      notify.error(e)
    }
  }

  return (
    <Drawer title="历史版本" open={open} onClose={onClose} width={420}>
      <List
        loading={versions === null}
        dataSource={versions ?? []}
        locale={{ emptyText: '还没有发布过，发布一次就有第一个版本' }}
        renderItem={(v) => (
          <List.Item
            actions={[
              <Popconfirm key="restore" title={`用第 ${v.version} 版替换当前草稿？`} okText="恢复" cancelText="取消" onConfirm={() => void restore(v.version)}>
                <Button size="small">恢复</Button>
              </Popconfirm>
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
    </Drawer>
  )
}
