// Data a page reads each time it is shown and on pull-down: the last good answer, or the
// error when there is none yet (a failed refresh keeps what is on screen).
import { useCallback, useState } from 'react'
import { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { stopPullDownRefresh } from '../services/nav'

export function useShownData<T>(load: () => Promise<T>): { data: T | null; error: string | null; refresh: () => Promise<void> } {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<string | null>(null)
  const refresh = useCallback(async () => {
    try {
      setData(await load())
      setError(null)
    } catch (e) {
      setError((e as Error).message)
    } finally {
      stopPullDownRefresh()
    }
  }, [load])
  useDidShow(() => void refresh())
  usePullDownRefresh(() => void refresh())
  return { data, error, refresh }
}
