/** The admin: login gate, then the layout with the screen the hash names. */
import { App as AntApp, ConfigProvider, Result, Spin } from 'antd'
import zhCN from 'antd/locale/zh_CN'
import { Suspense } from 'react'
import { AdminLayout } from './layout/admin-layout'
import { mayOpen } from './layout/menu'
import { FlagBell } from './orders/flag-alerts'
import { matchPath, navigate, useCurrentPath } from './router'
import { ROUTES } from './routes'
import { LoginPage } from './session/login-page'
import { SessionProvider, useSession } from './session/session-context'

function Screens() {
  const { state } = useSession()
  const path = useCurrentPath()
  if (state.status === 'loading') return <Spin size="large" fullscreen />
  if (state.status === 'anonymous') return <LoginPage expired={state.expired} />
  const { role } = state.staff
  if (path === '/') {
    navigate('/pages')
    return null
  }
  const found = ROUTES.map((r) => ({ screen: r.screen, params: matchPath(r.pattern, path) })).find((r) => r.params)
  let body
  if (!mayOpen(role, path)) body = <Result status="403" title="没有权限" subTitle="这部分只有管理员能看" />
  else if (!found?.params) body = <Result status="404" title="页面不存在" subTitle={path} />
  else {
    const Screen = found.screen
    body = (
      <Suspense fallback={<Spin />}>
        <Screen params={found.params} />
      </Suspense>
    )
  }
  return (
    <AdminLayout path={path} headerExtra={role === 'admin' ? <FlagBell /> : undefined}>
      {body}
    </AdminLayout>
  )
}

export function AdminApp() {
  return (
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} theme={{ token: { colorPrimary: '#0f766e' } }}>
      <AntApp>
        <SessionProvider>
          <Screens />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  )
}
