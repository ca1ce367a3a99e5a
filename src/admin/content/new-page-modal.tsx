/**
 * A new page needs a title and a link name (slug); blocks come after, in the
 * editor. Staff may start blank or from a template (新品发布, 搭配 lookbook,
 * 品牌故事): the server fills its product slots with the newest products and
 * says what is left to do.
 */
import { useQuery } from '@tanstack/react-query'
import { Alert, Form, Input, Modal, Radio, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { validateSlug } from '@core/content'
import type { AdminPage } from '@core/contract/admin-pages'
import { useNotify } from '../common/notify'
import { keys } from '../query/query-client'
import { labelOf } from './block-types'
import { usePageChanged } from './page-queries'
import { pagesApi } from './pages-api'

const BLANK = 'blank'

export function NewPageModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (page: AdminPage) => void }) {
  const [form] = Form.useForm<{ title: string; slug: string; template: string }>()
  const [busy, setBusy] = useState(false)
  const notify = useNotify()
  const pageChanged = usePageChanged()
  const templates = useQuery({ queryKey: [...keys.pages.all, 'templates'], queryFn: pagesApi.templates, enabled: open, staleTime: Infinity })

  const create = async () => {
    const values = await form.validateFields().catch(() => null)
    if (!values) return
    setBusy(true)
    try {
      const title = values.title.trim()
      const slug = values.slug.trim()
      const template = values.template ?? BLANK
      if (template === BLANK) {
        const page = await pagesApi.create({ title, slug, cover: null, share: { imageUrl: null }, blocks: [] })
        pageChanged(page)
        onCreated(page)
      } else {
        const { page, notes } = await pagesApi.fromTemplate({ templateId: template, slug, title })
        pageChanged(page)
        if (notes.length > 0) notify.warning(`已按模板创建草稿：${notes.join('；')}`)
        else notify.success('已按模板创建草稿，换上自己的图片和文字后发布')
        onCreated(page)
      }
    } catch (e) {
      notify.error(e, form)
    } finally {
      setBusy(false)
    }
  }

  const options = [
    { id: BLANK, name: '空白页面', description: '从零开始，自己添加模块', blockTypes: [] as string[], title: '' },
    ...(templates.data ?? [])
  ]

  return (
    <Modal title="新建页面" open={open} onCancel={onClose} onOk={() => void create()} okText="创建" cancelText="取消" confirmLoading={busy} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ template: BLANK }}>
        <Form.Item label="从哪里开始" name="template">
          <Radio.Group
            aria-label="页面模板"
            style={{ width: '100%' }}
            onChange={(e) => {
              const picked = options.find((o) => o.id === e.target.value)
              if (picked?.title && !form.getFieldValue('title')) form.setFieldValue('title', picked.title)
            }}
          >
            <Space direction="vertical" style={{ width: '100%' }}>
              {options.map((o) => {
                return (
                  <Radio key={o.id} value={o.id}>
                    <Space direction="vertical" size={0}>
                      <Typography.Text strong>{o.name}</Typography.Text>
                      <Typography.Text type="secondary">{o.description}</Typography.Text>
                      {o.blockTypes.length > 0 && (
                        <span>
                          {[...new Set(o.blockTypes)].map((t) => (
                            <Tag key={t} style={{ marginTop: 4 }}>
                              {labelOf(t)}
                            </Tag>
                          ))}
                        </span>
                      )}
                    </Space>
                  </Radio>
                )
              })}
            </Space>
          </Radio.Group>
        </Form.Item>
        {templates.isError && <Alert type="info" showIcon message="模板暂时读不到，可以先建空白页面" style={{ marginBottom: 12 }} />}
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
