import type { PropsWithChildren } from 'react'
import { useDidShow, useLaunch } from '@tarojs/taro'
import { prefetchEntryPage } from './services/content-api'
import { recordLaunch, recordShow } from './services/entry'
import { enterOptions } from './services/launch'
import { noteAppShow } from './services/receipt'
import { tracker } from './services/tracker'
import './app.css'

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
