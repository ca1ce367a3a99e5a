/** A page's publication state as a coloured tag. */
import { Tag } from 'antd'
import type { AdminPage } from '@core/contract/admin-pages'
import { formatTime } from '../common/format'

export function StatusTag({ page }: { page: Pick<AdminPage, 'status' | 'scheduledAt'> }) {
  if (page.status === 'published') return <Tag color="green">已发布</Tag>
  if (page.status === 'scheduled') return <Tag color="orange">{`定时 ${formatTime(page.scheduledAt)}`}</Tag>
  return <Tag>草稿</Tag>
}
