/** A new page needs a title and a link name (slug); blocks come after, in the editor. */
import { Form, Input, Modal } from 'antd'
import { useState } from 'react'
import { validateSlug } from '@core/content'
import type { AdminPage } from '@core/contract/admin-pages'
import { useNotify } from '../common/notify'
import { usePageChanged } from './page-queries'
import { pagesApi } from './pages-api'

export function NewPageModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (page: AdminPage) => void }) {
  const [form] = Form.useForm<{ title: string; slug: string }>()
  const [busy, setBusy] = useState(false)
  const notify = useNotify()
  const pageChanged = usePageChanged()

  const create = async () => {
    const values = await form.validateFields().catch(() => null)
    if (!values) return
    setBusy(true)
    try {
      const page = await pagesApi.create({ title: values.title.trim(), slug: values.slug.trim(), cover: null, share: { imageUrl: null }, blocks: [] })
      pageChanged(page)
      onCreated(page)
    } catch (e) {
      notify.error(e, form)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal title="新建页面" open={open} onCancel={onClose} onOk={() => void create()} okText="创建" cancelText="取消" confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item label="页面标题" name="title" rules={[{ required: true, whitespace: true, message: '请填写页面标题' }, { max: 60, message: '最多 60 个字' }]}>
          <Input aria-label="新页面标题" />
        </Form.Item>
        <Form.Item
          label="链接名"
          name="slug"
          extra="小写字母、数字和连字符，如 spring-lookbook"
          rules={[
            {
              validator: async (_, value: string | undefined) => {
                const checked = validateSlug((value ?? '').trim())
                if (!checked.ok) throw new Error(checked.error.message)
              }
            }
          ]}
        >
          <Input aria-label="新页面链接名" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
