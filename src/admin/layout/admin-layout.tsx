/** The signed-in frame: side menu by role, who is signed in, log out, and the page. */
import { Button, Layout, Menu, Space, Tag, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { useSession, useStaff } from '../session/session-context'
import { useNotify } from '../common/notify'
import { menuFor, sectionOf } from './menu'

export function AdminLayout({ headerExtra, children }: { headerExtra?: ReactNode; children: ReactNode }) {
  const { pathname } = useLocation()
  const navigate = useNavigate()
  const staff = useStaff()
  const { logout } = useSession()
  const notify = useNotify()
  const items = menuFor(staff.role).map((entry) => ({ key: entry.path, label: entry.label }))

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={180} theme="dark">
        <div style={{ color: '#fff', fontWeight: 600, fontSize: 16, padding: '18px 24px' }}>品牌管理后台</div>
        <Menu
          theme="dark"
          mode="inline"
          aria-label="主菜单"
          selectedKeys={[sectionOf(pathname)]}
          items={items}
          onClick={({ key }) => void navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 24px', display: 'flex', justifyContent: 'flex-end', alignItems: 'center' }}>
          <Space size="middle">
            {headerExtra}
            <Typography.Text>{staff.name || staff.email}</Typography.Text>
            <Tag color={staff.role === 'admin' ? 'gold' : 'blue'}>{staff.role === 'admin' ? '管理员' : '编辑'}</Tag>
            <Button onClick={() => logout().catch((e: unknown) => notify.error(e))}>退出登录</Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  )
}
