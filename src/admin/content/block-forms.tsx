/** Each block type's own form; fields report problems at their path (`blocks.2.image`). */
import { Alert, Input } from 'antd'
import type { Product } from '@core/contract/catalog'
import type { ErrorMap } from '../common/field-errors'
import { ImageField } from '../common/image-field'
import { CouponBlockForm } from './coupon-block-form'
import { Field } from './field'
import type { DraftBlock } from './page-draft'
import { ProductMultiPicker, ProductPicker } from './product-picker'
import { CarouselForm, CountdownForm, DividerForm, QuoteForm, ShopTheLookForm } from './rich-block-forms'

export interface BlockFormProps {
  block: DraftBlock
  path: string
  errors: ErrorMap
  onChange: (block: DraftBlock) => void
  products: Product[]
  productsLoading: boolean
}

const str = (v: unknown) => (typeof v === 'string' ? v : '')

export function BlockForm({ block, path, errors, onChange, products, productsLoading }: BlockFormProps) {
  const set = (patch: Record<string, unknown>) => onChange({ ...block, ...patch })
  const text = (field: string, label: string, max: number) => (
    <Field label={label} path={`${path}.${field}`} errors={errors}>
      <Input aria-label={label} value={str(block[field])} maxLength={max} showCount onChange={(e) => set({ [field]: e.target.value })} />
    </Field>
  )
  const image = (field: string, label: string) => (
    <Field label={label} path={`${path}.${field}`} errors={errors}>
      <ImageField value={str(block[field]) || null} onChange={(v) => set({ [field]: v ?? '' })} />
    </Field>
  )

  switch (block.type) {
    case 'hero':
      return (
        <>
          {image('image', '头图')}
          {text('title', '标题', 60)}
          {text('subtitle', '副标题', 120)}
        </>
      )
    case 'text':
      return (
        <Field label="正文" path={`${path}.text`} errors={errors} extra="纯文本，空一行分段">
          <Input.TextArea aria-label="正文" rows={5} value={str(block.text)} maxLength={5000} showCount onChange={(e) => set({ text: e.target.value })} />
        </Field>
      )
    case 'image':
      return (
        <>
          {image('image', '图片')}
          {text('caption', '图片说明', 120)}
        </>
      )
    case 'product':
      return (
        <Field label="商品" path={`${path}.productId`} errors={errors}>
          <ProductPicker value={str(block.productId)} products={products} loading={productsLoading} onChange={(productId) => set({ productId })} />
        </Field>
      )
    case 'product-grid': {
      const ids = Array.isArray(block.productIds) ? (block.productIds as string[]) : []
      const itemError = Object.keys(errors).find((p) => p.startsWith(`${path}.productIds.`))
      return (
        <>
          {text('title', '标题', 60)}
          <Field label="商品" path={itemError ?? `${path}.productIds`} errors={errors}>
            <ProductMultiPicker value={ids} products={products} loading={productsLoading} onChange={(productIds) => set({ productIds })} />
          </Field>
        </>
      )
    }
    case 'video':
      return (
        <>
          <Field label="视频地址" path={`${path}.src`} errors={errors} extra="http(s) 网址或 /media/ 路径">
            <Input aria-label="视频地址" value={str(block.src)} onChange={(e) => set({ src: e.target.value })} />
          </Field>
          {image('poster', '视频封面')}
        </>
      )
    case 'coupon':
      return <CouponBlockForm couponId={str(block.couponId)} path={path} errors={errors} onChange={(couponId) => set({ couponId })} />
    case 'shop-the-look':
      return <ShopTheLookForm block={block} path={path} errors={errors} onChange={onChange} products={products} productsLoading={productsLoading} />
    case 'carousel':
      return <CarouselForm block={block} path={path} errors={errors} onChange={onChange} products={products} productsLoading={productsLoading} />
    case 'countdown':
      return <CountdownForm block={block} path={path} errors={errors} onChange={onChange} products={products} productsLoading={productsLoading} />
    case 'divider':
      return <DividerForm />
    case 'quote':
      return <QuoteForm block={block} path={path} errors={errors} onChange={onChange} products={products} productsLoading={productsLoading} />
    default:
      return <Alert type="error" showIcon message={`这个版本的后台不认识模块类型“${block.type}”，请删除它`} />
  }
}
