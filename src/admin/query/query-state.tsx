/** What a screen shows while its query loads or after it failed (with 重试); the data otherwise. */
import { Alert, Button, Spin } from 'antd'
import type { UseQueryResult } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { messageOf } from '../api/api-error'

export function QueryError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      message="读取失败"
      description={messageOf(error)}
      action={
        <Button size="small" onClick={onRetry}>
          重试
        </Button>
      }
    />
  )
}

/** Spinner, error with retry, or `children(data)`. */
export function QueryView<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  if (query.isPending) return <Spin />
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />
  return <>{children(query.data)}</>
}

/** For tables: the error above the table while stale rows (if any) stay visible. */
export function ErrorBanner({ query }: { query: { isError: boolean; error: unknown; refetch: () => unknown } }) {
  return query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null
}
