/** Staff accounts (admins only): who may sign in, as what; add people, change roles, deactivate. */
import { PlusOutlined } from '@ant-design/icons'
import { Button, Space, Table, Tag, Typography } from 'antd'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { Staff } from '@core/contract/staff'
import { formatTime } from '../common/format'
import { useStaffList } from '../common/staff-names'
import { keys } from '../query/query-client'
import { ErrorBanner } from '../query/query-state'
import { useStaff } from '../session/session-context'
import { StaffModal } from './staff-modal'

export function StaffList() {
  const me = useStaff()
  const query = useStaffList()
  const [editing, setEditing] = useState<Staff | 'new' | null>(null)
  const client = useQueryClient()

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          员工账号
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          添加员工
        </Button>
      </Space>
      <ErrorBanner query={query} />
      <Table<Staff>
        rowKey="id"
        loading={query.isPending}
        dataSource={query.data ?? []}
        pagination={false}
        columns={[
          { title: '姓名', dataIndex: 'name', render: (n: string, s) => (s.id === me.id ? `${n}（我）` : n) },
          { title: '邮箱', dataIndex: 'email' },
          { title: '角色', dataIndex: 'role', render: (r: Staff['role']) => (r === 'admin' ? <Tag color="gold">管理员</Tag> : <Tag color="blue">编辑</Tag>) },
          { title: '状态', dataIndex: 'active', render: (a: boolean) => (a ? <Tag color="green">启用</Tag> : <Tag>已停用</Tag>) },
          { title: '创建时间', dataIndex: 'createdAt', render: formatTime },
          { title: '操作', key: 'edit', render: (_, s) => <Button size="small" onClick={() => setEditing(s)}>编辑</Button> }
        ]}
      />
      <StaffModal
        editing={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null)
          void client.invalidateQueries({ queryKey: keys.staff })
          void client.invalidateQueries({ queryKey: keys.audit })
        }}
      />
    </Space>
  )
}
