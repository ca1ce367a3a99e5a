/** The admin: query cache, login gate, then the layout with the screen the hash names. */
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { App as AntApp, ConfigProvider, Result, Spin } from 'antd'
import zhCN from 'antd/locale/zh_CN'
import { Suspense, useState } from 'react'
import { createHashRouter, Navigate, Outlet, RouterProvider, useLocation, useRouteError, type RouteObject } from 'react-router'
import { AdminLayout } from './layout/admin-layout'
import { mayOpen } from './layout/menu'
import { FlagBell } from './orders/flag-alerts'
import { DEFAULT_POLL_MS, PollContext } from './query/polling'
import { createQueryClient } from './query/query-client'
import { SCREENS } from './routes'
import { LoginPage } from './session/login-page'
import { SessionProvider, useSession } from './session/session-context'

function Shell() {
  const { state } = useSession()
  const { pathname } = useLocation()
  if (state.status === 'loading') return <Spin size="large" fullscreen />
  if (state.status === 'anonymous') return <LoginPage expired={state.expired} />
  const { role } = state.staff
  return (
    <AdminLayout headerExtra={role === 'admin' ? <FlagBell /> : undefined}>
      {mayOpen(role, pathname) ? (
        <Suspense fallback={<Spin />}>
          <Outlet />
        </Suspense>
      ) : (
        <Result status="403" title="没有权限" subTitle="这部分只有管理员能看" />
      )}
    </AdminLayout>
  )
}

function NotFound() {
  const { pathname } = useLocation()
  return <Result status="404" title="页面不存在" subTitle={pathname} />
}

function RouteError() {
  const error = useRouteError()
  return <Result status="error" title="页面出错了" subTitle={error instanceof Error ? error.message : String(error)} />
}

const ROUTES: RouteObject[] = [
  {
    path: '/',
    element: <Shell />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to="/pages" replace /> },
      ...SCREENS.map(({ path, screen: Screen }) => ({ path: path.slice(1), element: <Screen /> })),
      { path: '*', element: <NotFound /> }
    ]
  }
]

export interface AdminAppProps {
  /** A test's own cache; a fresh one per app otherwise. */
  queryClient?: QueryClient
  /** How often a settling order (a refund under way) is read again. */
  pollMs?: number
}

export function AdminApp({ queryClient, pollMs = DEFAULT_POLL_MS }: AdminAppProps) {
  const [client] = useState(() => queryClient ?? createQueryClient())
  const [router] = useState(() => createHashRouter(ROUTES))
  return (
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} theme={{ token: { colorPrimary: '#0f766e' } }}>
      <AntApp>
        <QueryClientProvider client={client}>
          <PollContext.Provider value={pollMs}>
            <SessionProvider>
              <RouterProvider router={router} />
            </SessionProvider>
          </PollContext.Provider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  )
}
