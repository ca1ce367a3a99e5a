/**
 * A new campaign: its name, where it is posted (微博, 短信, …) and what it opens
 * (a content page or a product). The server then makes its links and code;
 * the form's field names are the API's, so server problems land on them.
 */
import { Form, Input, Modal, Radio, Select } from 'antd'
import { useEffect } from 'react'
import { CAMPAIGN_CHANNEL_OPTIONS } from '@core/channels'
import type { CampaignChannel } from '@core/event-schema'
import type { CampaignDto, CampaignInput } from '@core/contract/reach'
import { useNotify } from '../common/notify'
import { usePages } from '../content/page-queries'
import { ProductPicker } from '../content/product-picker'
import { useAllProducts } from '../products/product-queries'
import { useCreateCampaign } from './campaign-queries'

export type CampaignValues = {
  name: string
  channel: CampaignChannel
  targetKind: 'content' | 'product'
  contentSlug?: string
  productId?: string
}

export function inputOf(v: CampaignValues): CampaignInput {
  return {
    name: v.name ?? '',
    channel: v.channel,
    target: v.targetKind === 'product' ? { productId: v.productId ?? '' } : { contentSlug: v.contentSlug ?? '' }
  }
}

const INITIAL: CampaignValues = { name: '', channel: 'weibo', targetKind: 'content' }

export function CampaignForm({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (c: CampaignDto) => void }) {
  const [form] = Form.useForm<CampaignValues>()
  const notify = useNotify()
  const create = useCreateCampaign()
  const pages = usePages()
  const products = useAllProducts()
  const targetKind = Form.useWatch('targetKind', form)
  const published = (pages.data ?? []).filter((p) => p.status === 'published')

  useEffect(() => {
    if (open) form.setFieldsValue(INITIAL)
  }, [open, form])

  const submit = async () => {
    const v = await form.validateFields().catch(() => null)
    if (!v) return
    try {
      const campaign = await create.mutateAsync(inputOf(v))
      notify.success('已创建推广，链接和小程序码已生成')
      form.resetFields()
      onCreated(campaign)
    } catch (e) {
      notify.error(e, form)
    }
  }

  return (
    <Modal
      title="新建推广"
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="生成链接和小程序码"
      cancelText="取消"
      confirmLoading={create.isPending}
      width={560}
    >
      <Form form={form} layout="vertical" initialValues={INITIAL}>
        <Form.Item label="名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写推广名称' }]} extra="只给员工看，如：微博 · 春季上新首发">
          <Input maxLength={60} showCount />
        </Form.Item>
        <Form.Item label="投放渠道" name="channel" rules={[{ required: true, message: '请选择渠道' }]}>
          <Select aria-label="投放渠道" options={[...CAMPAIGN_CHANNEL_OPTIONS]} />
        </Form.Item>
        <Form.Item label="打开" name="targetKind">
          <Radio.Group options={[{ value: 'content', label: '内容页面' }, { value: 'product', label: '商品' }]} />
        </Form.Item>
        {targetKind === 'product' ? (
          <Form.Item name="productId" rules={[{ required: true, message: '请选择商品' }]}>
            <ProductPicker value="" onChange={() => undefined} products={products.data ?? []} loading={products.isPending} />
          </Form.Item>
        ) : (
          <Form.Item name="contentSlug" rules={[{ required: true, message: '请选择已发布的内容页面' }]} extra={published.length === 0 && !pages.isPending ? '还没有已发布的页面：先发布一个内容页面' : undefined}>
            <Select
              aria-label="内容页面"
              showSearch
              optionFilterProp="label"
              loading={pages.isPending}
              placeholder="选择已发布的页面"
              options={published.map((p) => ({ value: p.slug, label: p.title }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  )
}
