/** Where the draft stands: saved, about to save, saving, or why it cannot be saved. */
import { Typography } from 'antd'
import dayjs from 'dayjs'
import type { SaveState } from './use-autosave'

export function SaveIndicator({ state }: { state: SaveState }) {
  const text = (() => {
    switch (state.kind) {
      case 'saved':
        return state.at ? `草稿已保存 ${dayjs(state.at).format('HH:mm:ss')}` : '草稿已保存'
      case 'pending':
        return '有改动，即将自动保存…'
      case 'saving':
        return '保存中…'
      case 'invalid':
        return `未保存：有 ${state.count} 处需要修改`
      case 'incomplete':
        return '新模块填好后自动保存'
      case 'failed':
        return `保存失败：${state.message}`
    }
  })()
  const bad = state.kind === 'invalid' || state.kind === 'failed'
  return (
    <Typography.Text type={bad ? 'danger' : 'secondary'} role="status" aria-label="保存状态">
      {text}
    </Typography.Text>
  )
}
