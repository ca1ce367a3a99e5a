import { EmptyState } from './empty-state'

type Props = { title?: string; message: string; onRetry?: () => void }

export function ErrorState({ title = '加载失败', message, onRetry }: Props) {
  return <EmptyState art='problem' title={title} hint={message} actionText={onRetry ? '重新加载' : undefined} onAction={onRetry} />
}
