/**
 * The forms of the lookbook-era blocks: shop-the-look (image + hotspots),
 * carousel (slides, each optionally linking to a product or another page),
 * countdown (a launch time), divider and quote. Problems show at their path,
 * as in block-forms.tsx.
 */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Card, DatePicker, Input, Radio, Select, Space, Typography } from 'antd'
import dayjs from 'dayjs'
import { MAX_SLIDES } from '@core/content-blocks'
import { ImageField } from '../common/image-field'
import type { BlockFormProps } from './block-forms'
import { Field } from './field'
import { HotspotEditor, type DraftHotspot } from './hotspot-editor'
import { usePages } from './page-queries'
import { ProductPicker } from './product-picker'

const str = (v: unknown) => (typeof v === 'string' ? v : '')

export function ShopTheLookForm({ block, path, errors, onChange, products, productsLoading }: BlockFormProps) {
  const image = str(block.image)
  const hotspots = Array.isArray(block.hotspots) ? (block.hotspots as DraftHotspot[]) : []
  return (
    <>
      <Field label="搭配图" path={`${path}.image`} errors={errors}>
        <ImageField value={image || null} onChange={(v) => onChange({ ...block, image: v ?? '' })} />
      </Field>
      <Field label="标题" path={`${path}.title`} errors={errors}>
        <Input aria-label="标题" value={str(block.title)} maxLength={60} showCount onChange={(e) => onChange({ ...block, title: e.target.value })} />
      </Field>
      {image ? (
        <HotspotEditor image={image} hotspots={hotspots} onChange={(h) => onChange({ ...block, hotspots: h })} path={path} errors={errors} products={products} productsLoading={productsLoading} />
      ) : (
        <Field label="商品点" path={`${path}.hotspots`} errors={errors}>
          <Typography.Text type="secondary">先上传搭配图，再在图上点出商品的位置</Typography.Text>
        </Field>
      )}
    </>
  )
}

interface DraftSlide {
  image: string
  productId?: string
  pageSlug?: string
}
type LinkKind = 'none' | 'product' | 'page'
const linkOf = (s: DraftSlide): LinkKind => (s.productId !== undefined ? 'product' : s.pageSlug !== undefined ? 'page' : 'none')

export function CarouselForm({ block, path, errors, onChange, products, productsLoading }: BlockFormProps) {
  const slides = Array.isArray(block.slides) ? (block.slides as DraftSlide[]) : []
  const pages = usePages()
  const set = (next: DraftSlide[]) => onChange({ ...block, slides: next })
  const edit = (i: number, slide: DraftSlide) => set(slides.map((s, j) => (j === i ? slide : s)))
  const move = (from: number, to: number) => {
    if (to < 0 || to >= slides.length) return
    const next = [...slides]
    const [s] = next.splice(from, 1)
    next.splice(to, 0, s as DraftSlide)
    set(next)
  }
  const setLink = (i: number, s: DraftSlide, kind: LinkKind) => {
    const { productId: _p, pageSlug: _s, ...rest } = s
    edit(i, kind === 'product' ? { ...rest, productId: '' } : kind === 'page' ? { ...rest, pageSlug: '' } : rest)
  }
  const pageOptions = (pages.data ?? []).map((p) => ({ value: p.slug, label: `${p.title}（/${p.slug}）` }))

  return (
    <Field label="图片" path={`${path}.slides`} errors={errors} extra={`按顺序轮播，最多 ${MAX_SLIDES} 张`}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {slides.map((s, i) => {
          const n = i + 1
          const at = `${path}.slides.${i}`
          const kind = linkOf(s)
          return (
            <Card
              key={i}
              size="small"
              role="group"
              aria-label={`第 ${n} 张`}
              title={`第 ${n} 张`}
              extra={
                <Space size={0}>
                  <Button type="text" size="small" icon={<ArrowUpOutlined />} aria-label={`上移第 ${n} 张`} disabled={i === 0} onClick={() => move(i, i - 1)} />
                  <Button type="text" size="small" icon={<ArrowDownOutlined />} aria-label={`下移第 ${n} 张`} disabled={i === slides.length - 1} onClick={() => move(i, i + 1)} />
                  <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`删除第 ${n} 张`} onClick={() => set(slides.filter((_, j) => j !== i))} />
                </Space>
              }
            >
              <Field label="图片" path={`${at}.image`} errors={errors}>
                <ImageField value={s.image || null} onChange={(v) => edit(i, { ...s, image: v ?? '' })} />
              </Field>
              <Field label="点击后打开" path={at} errors={errors}>
                <Radio.Group
                  aria-label={`第 ${n} 张的链接`}
                  value={kind}
                  onChange={(e) => setLink(i, s, e.target.value as LinkKind)}
                  options={[
                    { value: 'none', label: '不链接' },
                    { value: 'product', label: '商品' },
                    { value: 'page', label: '内容页面' }
                  ]}
                />
              </Field>
              {kind === 'product' && (
                <Field label="链接商品" path={`${at}.productId`} errors={errors}>
                  <ProductPicker label={`第 ${n} 张链接的商品`} value={s.productId ?? ''} products={products} loading={productsLoading} onChange={(productId) => edit(i, { ...s, productId })} />
                </Field>
              )}
              {kind === 'page' && (
                <Field label="链接页面" path={`${at}.pageSlug`} errors={errors}>
                  <Select
                    aria-label={`第 ${n} 张链接的页面`}
                    showSearch
                    loading={pages.isPending}
                    placeholder="选择内容页面"
                    style={{ width: '100%' }}
                    value={s.pageSlug || undefined}
                    optionFilterProp="label"
                    options={pageOptions}
                    onChange={(pageSlug: string) => edit(i, { ...s, pageSlug })}
                  />
                </Field>
              )}
            </Card>
          )
        })}
        <Button icon={<PlusOutlined />} disabled={slides.length >= MAX_SLIDES} onClick={() => set([...slides, { image: '' }])}>
          添加一张
        </Button>
      </Space>
    </Field>
  )
}

export function CountdownForm({ block, path, errors, onChange, products, productsLoading }: BlockFormProps) {
  const until = str(block.until)
  const value = until && dayjs(until).isValid() ? dayjs(until) : null
  return (
    <>
      <Field label="开售时间" path={`${path}.until`} errors={errors} extra="到点前，下面选的商品显示“即将开售”且不能下单">
        <DatePicker
          aria-label="开售时间"
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          placeholder="选择开售时间"
          value={value}
          // With the staff's own UTC offset (2030-05-01T09:30:00+08:00), as the schema asks.
          onChange={(d) => onChange({ ...block, until: d ? d.second(0).millisecond(0).format() : '' })}
        />
      </Field>
      <Field label="标题" path={`${path}.title`} errors={errors}>
        <Input aria-label="标题" value={str(block.title)} maxLength={60} showCount placeholder="如：新品限时开售" onChange={(e) => onChange({ ...block, title: e.target.value })} />
      </Field>
      <Field label="开售商品（可不选）" path={`${path}.productId`} errors={errors}>
        <ProductPicker label="开售商品" value={str(block.productId)} products={products} loading={productsLoading} onChange={(productId) => onChange({ ...block, productId })} />
      </Field>
    </>
  )
}

export function QuoteForm({ block, path, errors, onChange }: BlockFormProps) {
  return (
    <>
      <Field label="引文" path={`${path}.text`} errors={errors}>
        <Input.TextArea aria-label="引文" rows={3} value={str(block.text)} maxLength={300} showCount onChange={(e) => onChange({ ...block, text: e.target.value })} />
      </Field>
      <Field label="出处" path={`${path}.by`} errors={errors}>
        <Input aria-label="出处" value={str(block.by)} maxLength={60} placeholder="如：设计师 林晓" onChange={(e) => onChange({ ...block, by: e.target.value })} />
      </Field>
    </>
  )
}

export function DividerForm() {
  return <Typography.Text type="secondary">一条细线，用来分开前后的内容，没有要填的</Typography.Text>
}
