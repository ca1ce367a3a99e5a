// page_view on every show of a page (a return from another page counts again).
import { useDidShow } from '@tarojs/taro'
import { tracker, type TrackFields } from '../services/tracker'

/** enabled: false where nothing is counted (the admin's live preview). */
export function usePageView(page: string, fields: TrackFields = {}, enabled = true): void {
  useDidShow(() => {
    if (enabled) tracker.track('page_view', { page, ...fields })
  })
}
