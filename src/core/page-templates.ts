// Page templates staff start from (launch page, lookbook, story). A
// template is pure data with product slots: the blocks that need products
// (product cards, hotspots, slides, the countdown) name slot numbers, and
// instantiateTemplate fills them with the products staff picked, or the
// brand's newest ones. A block whose slots cannot be filled (a brand with
// no products yet) is left out, and said so in `notes`, so a new page is
// always valid: it is saved as a draft the editor then finishes. Pictures
// are the chosen products' own photos; without products a template keeps
// a placeholder picture under /media/ that staff replace.
import { validateBlocks, type Block } from './content-blocks'
import { requireEpochMs, type Instant } from './time'

export const TEMPLATE_IDS = ['launch', 'lookbook', 'story'] as const
export type TemplateId = (typeof TEMPLATE_IDS)[number]

/** A product slot (0-based) in a template's blocks. */
type Slot = { slot: number }
type ImageSource = { productImage: number } | { url: string }

export type TemplateBlock =
  | { type: 'hero'; image: ImageSource; title?: string; subtitle?: string }
  | { type: 'text'; text: string }
  | { type: 'image'; image: ImageSource; caption?: string }
  | { type: 'product'; product: Slot }
  | { type: 'product-grid'; products: Slot[]; title?: string }
  | { type: 'shop-the-look'; image: ImageSource; title?: string; hotspots: Array<{ x: number; y: number; product: Slot }> }
  | { type: 'carousel'; slides: Array<{ image: ImageSource; product?: Slot }> }
  | { type: 'countdown'; title?: string; daysAhead: number; product?: Slot }
  | { type: 'divider' }
  | { type: 'quote'; text: string; by?: string }

export interface PageTemplate {
  id: TemplateId
  name: string
  description: string
  title: string
  /** How many distinct products the template shows. */
  productSlots: number
  blocks: TemplateBlock[]
}

export const PLACEHOLDER_IMAGE = '/media/template-placeholder.jpg'

export const PAGE_TEMPLATES: readonly PageTemplate[] = [
  {
    id: 'launch',
    name: '新品发布',
    description: '头图、倒计时与开售提醒，开售前商品显示“即将开售”',
    title: '新品即将开售',
    productSlots: 1,
    blocks: [
      { type: 'hero', image: { productImage: 0 }, title: '新品即将开售', subtitle: '设置开售提醒，第一时间收到通知' },
      { type: 'countdown', title: '距离开售', daysAhead: 7, product: { slot: 0 } },
      { type: 'product', product: { slot: 0 } },
      { type: 'divider' },
      { type: 'text', text: '在这里介绍新品的故事：灵感、材质与工艺。\n\n开售前可以先加入提醒，开售时我们会发消息给你。' }
    ]
  },
  {
    id: 'lookbook',
    name: '搭配图册',
    description: '整图搭配，图上的点直接购买；配轮播与商品宫格',
    title: '本季搭配',
    productSlots: 4,
    blocks: [
      {
        type: 'shop-the-look',
        image: { productImage: 0 },
        title: '一身搭配',
        hotspots: [
          { x: 0.35, y: 0.3, product: { slot: 0 } },
          { x: 0.6, y: 0.65, product: { slot: 1 } }
        ]
      },
      { type: 'quote', text: '穿得舒服，才穿得好看。', by: '主理人' },
      {
        type: 'carousel',
        slides: [
          { image: { productImage: 1 }, product: { slot: 1 } },
          { image: { productImage: 2 }, product: { slot: 2 } },
          { image: { productImage: 3 }, product: { slot: 3 } }
        ]
      },
      { type: 'product-grid', title: '本期单品', products: [{ slot: 0 }, { slot: 1 }, { slot: 2 }, { slot: 3 }] }
    ]
  },
  {
    id: 'story',
    name: '品牌故事',
    description: '图文长文，穿插引言与商品卡片',
    title: '我们的故事',
    productSlots: 2,
    blocks: [
      { type: 'hero', image: { productImage: 0 }, title: '我们的故事', subtitle: '从一件小物开始' },
      { type: 'text', text: '写下品牌的起点：为什么开始，想做什么样的东西。\n\n每一段之间空一行。' },
      { type: 'quote', text: '好东西，是慢慢做出来的。' },
      { type: 'image', image: { productImage: 1 }, caption: '图片说明' },
      { type: 'text', text: '介绍一件代表作：它怎么做成，为什么值得。' },
      { type: 'product', product: { slot: 0 } },
      { type: 'divider' },
      { type: 'product', product: { slot: 1 } }
    ]
  }
]

export function findTemplate(id: string): PageTemplate | undefined {
  return PAGE_TEMPLATES.find((t) => t.id === id)
}

export interface TemplateProduct {
  id: string
  images: readonly string[]
}

export interface InstantiatedTemplate {
  title: string
  blocks: Block[]
  /** What staff still have to do (blocks left out, placeholder pictures). */
  notes: string[]
}

/** A countdown's default: `daysAhead` days after now, at 10:00 China time. */
export function launchTimeAfter(now: Instant, daysAhead: number): string {
  const china = new Date(requireEpochMs(now, 'now') + 8 * 3_600_000 + daysAhead * 86_400_000)
  const day = china.toISOString().slice(0, 10)
  return `${day}T10:00:00+08:00`
}

/**
 * A template's blocks with its slots filled by `products` (slot n → products[n],
 * wrapping around when fewer were given). Blocks needing a product are left
 * out when there is none; hotspots, slides and grid entries likewise.
 */
export function instantiateTemplate(template: PageTemplate, products: readonly TemplateProduct[], now: Instant): InstantiatedTemplate {
  const notes: string[] = []
  const productAt = (slot: Slot): TemplateProduct | undefined => (products.length === 0 ? undefined : products[slot.slot % products.length])
  let placeholder = false
  const imageOf = (src: ImageSource): string => {
    if ('url' in src) return src.url
    const p = products.length === 0 ? undefined : products[src.productImage % products.length]
    const image = p?.images[0]
    if (image) return image
    placeholder = true
    return PLACEHOLDER_IMAGE
  }
  const blocks: Block[] = []
  for (const tb of template.blocks) {
    switch (tb.type) {
      case 'hero':
      case 'image': {
        const { image, ...rest } = tb
        blocks.push({ ...rest, image: imageOf(image) } as Block)
        break
      }
      case 'text':
      case 'divider':
      case 'quote':
        blocks.push({ ...tb } as Block)
        break
      case 'product': {
        const p = productAt(tb.product)
        if (p) blocks.push({ type: 'product', productId: p.id })
        else notes.push('商品卡片需要先添加商品，已略去')
        break
      }
      case 'product-grid': {
        const ids = [...new Set(tb.products.map(productAt).filter((p) => p !== undefined).map((p) => p.id))]
        if (ids.length > 0) blocks.push({ type: 'product-grid', productIds: ids, ...(tb.title ? { title: tb.title } : {}) })
        else notes.push('商品宫格需要先添加商品，已略去')
        break
      }
      case 'shop-the-look': {
        const hotspots = tb.hotspots.flatMap((h) => {
          const p = productAt(h.product)
          return p ? [{ x: h.x, y: h.y, productId: p.id }] : []
        })
        if (hotspots.length > 0) blocks.push({ type: 'shop-the-look', image: imageOf(tb.image), hotspots, ...(tb.title ? { title: tb.title } : {}) })
        else notes.push('搭配图的商品点需要先添加商品，已略去')
        break
      }
      case 'carousel': {
        const slides = tb.slides.map((s) => {
          const p = s.product ? productAt(s.product) : undefined
          return { image: imageOf(s.image), ...(p ? { productId: p.id } : {}) }
        })
        blocks.push({ type: 'carousel', slides })
        break
      }
      case 'countdown': {
        const p = tb.product ? productAt(tb.product) : undefined
        blocks.push({
          type: 'countdown',
          until: launchTimeAfter(now, tb.daysAhead),
          ...(tb.title ? { title: tb.title } : {}),
          ...(p ? { productId: p.id } : {})
        })
        if (tb.product && !p) notes.push('倒计时未关联商品：添加商品后再选择开售的商品')
        else notes.push('请确认倒计时的开售时间')
        break
      }
    }
  }
  if (placeholder) notes.push('部分图片是占位图，请替换为上传的图片')
  // Templates are written to pass the block schema; a failure here is a bug in a template.
  const checked = validateBlocks(blocks)
  if (!checked.ok) throw new Error(`template ${template.id} makes invalid blocks: ${checked.error.message}`)
  return { title: template.title, blocks: checked.value, notes }
}
