/**
 * Publish now, schedule for a time, end at a time, unpublish. Publishing
 * first saves the draft (what goes live is what staff see) and refuses while
 * it has problems. The end (下线时间) goes with the publish: set, it takes
 * the page offline by itself then; cleared, the page stays up.
 */
import { Button, DatePicker, Popconfirm, Space, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import type { AdminPage } from '@core/contract/admin-pages'
import { formatTime } from '../common/format'
import { useNotify } from '../common/notify'
import { pagesApi } from './pages-api'
import { StatusTag } from './status-tag'

export function PublishBar({ page, flush, onPage }: { page: AdminPage; flush: () => Promise<boolean>; onPage: (p: AdminPage) => void }) {
  const [at, setAt] = useState<Dayjs | null>(null)
  const [end, setEnd] = useState<Dayjs | null>(() => (page.unpublishAt ? dayjs(page.unpublishAt) : null))
  // Only what changed is sent: the page's end stays as it is unless staff touched the picker.
  const endChanged = (end?.toISOString() ?? null) !== (page.unpublishAt ? new Date(page.unpublishAt).toISOString() : null)
  const unpublishAt = endChanged ? (end?.toISOString() ?? null) : undefined
  const endTooEarly = end !== null && !end.isAfter(at ?? dayjs())
  const endNote = end ? `，${end.format('YYYY-MM-DD HH:mm')} 自动下线` : ''
  const [busy, setBusy] = useState<string | null>(null)
  const notify = useNotify()

  const run = async (what: string, call: () => Promise<AdminPage>, done: string, saveFirst = true) => {
    setBusy(what)
    try {
      if (saveFirst && !(await flush())) {
        notify.warning('草稿还有问题没改好（看标红的地方），改好后再发布')
        return
      }
      const next = await call()
      onPage(next)
      setEnd(next.unpublishAt ? dayjs(next.unpublishAt) : null)
      notify.success(done)
    } catch (e) {
      notify.error(e)
    } finally {
      setBusy(null)
    }
  }

  return (
    <Space wrap>
      <StatusTag page={page} />
      {page.publishedAt && page.status === 'published' && <Typography.Text type="secondary">{`发布于 ${formatTime(page.publishedAt)}`}</Typography.Text>}
      {page.unpublishAt && <Typography.Text type="warning">{`将于 ${formatTime(page.unpublishAt)} 自动下线`}</Typography.Text>}
      <Button
        type="primary"
        loading={busy === 'now'}
        disabled={end !== null && !end.isAfter(dayjs())}
        onClick={() => void run('now', () => pagesApi.publish(page.id, undefined, unpublishAt), `已发布${endNote}`)}
      >
        立即发布
      </Button>
      <DatePicker
        aria-label="定时发布时间"
        showTime={{ format: 'HH:mm' }}
        format="YYYY-MM-DD HH:mm"
        placeholder="选择发布时间"
        value={at}
        onChange={setAt}
        disabledDate={(d) => d.isBefore(dayjs().startOf('day'))}
      />
      <Button
        disabled={!at || endTooEarly}
        loading={busy === 'at'}
        onClick={() => at && void run('at', () => pagesApi.publish(page.id, at.toISOString(), unpublishAt), `已定时在 ${at.format('YYYY-MM-DD HH:mm')} 发布${endNote}`)}
      >
        定时发布
      </Button>
      <Typography.Text type="secondary">自动下线</Typography.Text>
      <DatePicker
        aria-label="定时下线时间"
        showTime={{ format: 'HH:mm' }}
        format="YYYY-MM-DD HH:mm"
        placeholder="下线时间（可不设）"
        value={end}
        onChange={setEnd}
        status={endTooEarly ? 'error' : undefined}
        disabledDate={(d) => d.isBefore((at ?? dayjs()).startOf('day'))}
      />
      {endTooEarly && <Typography.Text type="danger">下线时间需要晚于发布时间</Typography.Text>}
      {endChanged && !endTooEarly && <Typography.Text type="secondary">{end ? '下线时间随发布生效' : '发布后取消自动下线'}</Typography.Text>}
      {page.status === 'published' && (
        <Popconfirm title="取消发布后，顾客将看不到这个页面" okText="取消发布" cancelText="不了" onConfirm={() => void run('off', () => pagesApi.unpublish(page.id), '已取消发布', false)}>
          <Button danger loading={busy === 'off'}>
            取消发布
          </Button>
        </Popconfirm>
      )}
    </Space>
  )
}
