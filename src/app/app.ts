import type { PropsWithChildren } from 'react'
import { useDidShow, useLaunch } from '@tarojs/taro'
import { recordLaunch, recordShow } from './services/entry'
import { platform } from './services/env'
import { enterOptions } from './services/launch'
import { prefetchEntryPage } from './services/page-prefetch'
import { noteAppShow } from './services/receipt'
import { tracker } from './services/tracker'
import './app.css'

// H5: Taro launches the app only once the first page's chunk has loaded; ask for the page now.
if (platform() === 'h5') prefetchEntryPage(enterOptions())

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    recordLaunch()
    prefetchEntryPage(enterOptions())
    tracker.start()
  })
  // Enter options are read on every show: a hot start through a share never reaches onLaunch.
  // WeChat's confirm-receipt component also answers through this show.
  useDidShow((options) => {
    recordShow()
    noteAppShow(options)
  })
  return children
}

export default App
