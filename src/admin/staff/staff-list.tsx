/** Staff accounts (admins only): who may sign in, as what; add people, change roles, deactivate. */
import { PlusOutlined } from '@ant-design/icons'
import { Button, Space, Table, Tag, Typography } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import { api } from '../api/client'
import type { Paged, Staff } from '../api/types'
import { formatTime } from '../common/format'
import { useNotify } from '../common/notify'
import { useStaff } from '../session/session-context'
import { StaffModal } from './staff-modal'

export function StaffList() {
  const me = useStaff()
  const [staff, setStaff] = useState<Staff[] | null>(null)
  const [editing, setEditing] = useState<Staff | 'new' | null>(null)
  const notify = useNotify()
  const load = useCallback(() => {
    api.get<Paged<Staff>>('/api/admin/staff').then(
      (r) => setStaff(r.items),
      (e: unknown) => {
        notify.error(e)
        setStaff([])
      }
    )
  }, [notify])
  useEffect(load, [load])

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
      <Table<Staff>
        rowKey="id"
        loading={staff === null}
        dataSource={staff ?? []}
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
          load()
        }}
      />
    </Space>
  )
}
