// page_view on every show of a page (a return from another page counts again).
import { useDidShow } from '@tarojs/taro'
import { tracker, type TrackFields } from '../services/tracker'

export function usePageView(page: string, fields: TrackFields = {}): void {
  useDidShow(() => {
    tracker.track('page_view', { page, ...fields })
  })
}
