/** Add a staff account, or change one's name, role, password or whether it may sign in. */
import { Form, Input, Modal, Select, Switch } from 'antd'
import { useEffect, useState } from 'react'
import { api } from '../api/client'
import type { Role, Staff } from '@core/contract/staff'
import { useNotify } from '../common/notify'

type Values = { email: string; name: string; role: Role; password?: string; active: boolean }

export function StaffModal({ editing, onClose, onSaved }: { editing: Staff | 'new' | null; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<Values>()
  const [busy, setBusy] = useState(false)
  const notify = useNotify()
  const isNew = editing === 'new'

  useEffect(() => {
    if (!editing) return
    form.resetFields()
    form.setFieldsValue(editing === 'new' ? { role: 'editor', active: true } : { email: editing.email, name: editing.name, role: editing.role, active: editing.active })
  }, [editing, form])

  const save = async () => {
    const v = await form.validateFields().catch(() => null)
    if (!v || !editing) return
    setBusy(true)
    try {
      if (editing === 'new') {
        await api.post('/api/admin/staff', { email: v.email.trim(), name: v.name.trim(), role: v.role, password: v.password })
        notify.success('已添加员工')
      } else {
        await api.put(`/api/admin/staff/${encodeURIComponent(editing.id)}`, { name: v.name.trim(), role: v.role, active: v.active, ...(v.password ? { password: v.password } : {}) })
        notify.success('已保存')
      }
      onSaved()
    } catch (e) {
      notify.error(e, form)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal title={isNew ? '添加员工' : '编辑员工'} open={editing !== null} onCancel={onClose} onOk={() => void save()} okText="保存" cancelText="取消" confirmLoading={busy}>
      <Form form={form} layout="vertical">
        <Form.Item label="邮箱" name="email" rules={[{ required: true, type: 'email', message: '请填写有效的邮箱' }]}>
          <Input disabled={!isNew} />
        </Form.Item>
        <Form.Item label="姓名" name="name" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item label="角色" name="role" extra="编辑：内容和商品；管理员：另有订单、退款、数据和员工账号">
          <Select options={[{ value: 'editor', label: '编辑' }, { value: 'admin', label: '管理员' }]} />
        </Form.Item>
        <Form.Item
          label={isNew ? '初始密码' : '重设密码'}
          name="password"
          extra={isNew ? undefined : '留空则不修改'}
          rules={[{ required: isNew, message: '请设置初始密码' }, { min: 8, message: '至少 8 个字符' }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {!isNew && (
          <Form.Item label="允许登录" name="active" valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  )
}
