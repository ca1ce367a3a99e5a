/** Title, slug (the page's link name), cover, and what a share shows in WeChat. */
import { Form, Input } from 'antd'
import type { ErrorMap } from '../common/field-errors'
import { ImageField } from '../common/image-field'
import { Field } from './field'
import type { Draft } from './page-draft'

type Settings = Omit<Draft, 'blocks'>

export function PageSettings({ draft, onChange, errors, fallbackImage }: { draft: Draft; onChange: (patch: Partial<Settings>) => void; errors: ErrorMap; fallbackImage: string | null }) {
  return (
    <Form layout="vertical" component="div">
      <Field label="页面标题" path="title" errors={errors}>
        <Input aria-label="页面标题" value={draft.title} maxLength={60} showCount onChange={(e) => onChange({ title: e.target.value })} />
      </Field>
      <Field label="链接名" path="slug" errors={errors} extra="小写字母、数字和连字符，如 spring-lookbook；发布后分享出去的链接会用到">
        <Input aria-label="链接名" value={draft.slug} prefix="/pages/" onChange={(e) => onChange({ slug: e.target.value })} />
      </Field>
      <Field label="封面图" path="cover" errors={errors} extra={draft.cover ? undefined : '不设置时使用页面的第一张图'}>
        <ImageField value={draft.cover} onChange={(cover) => onChange({ cover })} />
      </Field>
      <Field label="分享标题" path="share.title" errors={errors} extra="不填时使用页面标题">
        <Input aria-label="分享标题" value={draft.shareTitle} placeholder={draft.title} maxLength={60} onChange={(e) => onChange({ shareTitle: e.target.value })} />
      </Field>
      <Field label="分享图" path="share.imageUrl" errors={errors} extra={draft.shareImageUrl ? undefined : fallbackImage ? '不设置时使用封面图' : '不设置时使用封面图或第一张图'}>
        <ImageField value={draft.shareImageUrl} onChange={(shareImageUrl) => onChange({ shareImageUrl })} />
      </Field>
    </Form>
  )
}
