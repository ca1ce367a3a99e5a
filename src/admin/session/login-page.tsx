/** The login form: e-mail and password → the session cookie. */
import { Alert, Button, Card, Form, Input, Typography } from 'antd'
import { useState } from 'react'
import { messageOf } from '../api/api-error'
import { useSession } from './session-context'

export function LoginPage({ expired }: { expired: boolean }) {
  const { login } = useSession()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (values: { email: string; password: string }) => {
    setBusy(true)
    setError(null)
    try {
      await login(values.email.trim(), values.password)
    } catch (e) {
      setError(messageOf(e))
      setBusy(false)
    }
  }

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          品牌管理后台
        </Typography.Title>
        {expired && <Alert type="info" showIcon message="登录已过期，请重新登录" style={{ marginBottom: 16 }} />}
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label="邮箱" name="email" rules={[{ required: true, message: '请输入邮箱' }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
      </Card>
    </div>
  )
}
