// The content block schema (docs/api.md "Content blocks"), the one every side validates with.
// The admin gets every problem with its exact path; the app, which may be
// older than the page it renders, skips what it does not understand.
import * as z from 'zod/mini'
import { idField, mediaUrl, plainText, slugSchema } from './content-fields'
import { err, ok, type FieldIssue, type Result } from './result'
import { isPlainObject, toFieldIssues } from './zod-issues'

export const BLOCK_TYPES = [
  'hero',
  'text',
  'image',
  'product',
  'product-grid',
  'video',
  'coupon',
  'shop-the-look',
  'carousel',
  'countdown',
  'divider',
  'quote'
] as const
export type BlockType = (typeof BLOCK_TYPES)[number]

export const MAX_BLOCKS = 100
export const MAX_GRID_PRODUCTS = 20
export const MAX_HOTSPOTS = 12
export const MAX_SLIDES = 10
const HTML_TAG = /<\/?[a-zA-Z][^>]*>/

export const heroBlockSchema = z.object({
  type: z.literal('hero'),
  image: mediaUrl('头图'),
  title: z.optional(plainText('标题', 60, 0)),
  subtitle: z.optional(plainText('副标题', 120, 0))
})
export const textBlockSchema = z.object({
  type: z.literal('text'),
  text: plainText('正文', 5000).check(z.refine((t) => !HTML_TAG.test(t), '正文是纯文本，不能包含 HTML 标签'))
})
export const imageBlockSchema = z.object({
  type: z.literal('image'),
  image: mediaUrl('图片'),
  caption: z.optional(plainText('图片说明', 120, 0))
})
export const productBlockSchema = z.object({ type: z.literal('product'), productId: idField('商品') })
export const productGridBlockSchema = z.object({
  type: z.literal('product-grid'),
  productIds: z.array(idField('商品')).check(
    z.minLength(1, '请至少选择 1 件商品'),
    z.maxLength(MAX_GRID_PRODUCTS, `最多 ${MAX_GRID_PRODUCTS} 件商品`),
    z.refine((ids) => new Set(ids).size === ids.length, '商品不能重复')
  ),
  title: z.optional(plainText('标题', 60, 0))
})
export const videoBlockSchema = z.object({
  type: z.literal('video'),
  src: mediaUrl('视频'),
  poster: z.optional(mediaUrl('封面图'))
})
/** A claim button for one coupon (可领取 / 已领取 / 已抢光). */
export const couponBlockSchema = z.object({ type: z.literal('coupon'), couponId: idField('优惠券') })

/** A position on an image as fractions of its width and height (0..1), so it holds on every screen. */
const fraction = (label: string) =>
  z.number({ error: `请填写${label}` }).check(z.minimum(0, `${label}需在 0 到 1 之间`), z.maximum(1, `${label}需在 0 到 1 之间`))
export const hotspotSchema = z.object({ x: fraction('横向位置'), y: fraction('纵向位置'), productId: idField('商品') })
/** A lookbook image with dots placed on it, each tied to a product (tapping one opens its SKU picker). */
export const shopTheLookBlockSchema = z.object({
  type: z.literal('shop-the-look'),
  image: mediaUrl('图片'),
  title: z.optional(plainText('标题', 60, 0)),
  hotspots: z
    .array(hotspotSchema)
    .check(z.minLength(1, '请在图片上至少放 1 个商品点'), z.maxLength(MAX_HOTSPOTS, `最多 ${MAX_HOTSPOTS} 个商品点`))
})
/** One image of a carousel; it may link to a product or to another content page, not both. */
export const slideSchema = z
  .object({ image: mediaUrl('图片'), productId: z.optional(idField('商品')), pageSlug: z.optional(slugSchema) })
  .check(z.refine((s) => s.productId === undefined || s.pageSlug === undefined, '一张图只能链接到商品或页面之一'))
export const carouselBlockSchema = z.object({
  type: z.literal('carousel'),
  slides: z.array(slideSchema).check(z.minLength(1, '请至少添加 1 张图片'), z.maxLength(MAX_SLIDES, `最多 ${MAX_SLIDES} 张图片`))
})
/**
 * A countdown to a launch time. When it names a product, that product is
 * not on sale before `until`: the app shows 即将开售 and offers a 开售提醒,
 * the server refuses its orders (409 NOT_ON_SALE).
 */
export const countdownBlockSchema = z.object({
  type: z.literal('countdown'),
  until: z.iso.datetime({ offset: true, error: '开售时间需要是完整的日期时间' }),
  title: z.optional(plainText('标题', 60, 0)),
  productId: z.optional(idField('商品'))
})
export const dividerBlockSchema = z.object({ type: z.literal('divider') })
export const quoteBlockSchema = z.object({
  type: z.literal('quote'),
  text: plainText('引文', 300),
  by: z.optional(plainText('出处', 60, 0))
})

export const blockSchemas = {
  hero: heroBlockSchema,
  text: textBlockSchema,
  image: imageBlockSchema,
  product: productBlockSchema,
  'product-grid': productGridBlockSchema,
  video: videoBlockSchema,
  coupon: couponBlockSchema,
  'shop-the-look': shopTheLookBlockSchema,
  carousel: carouselBlockSchema,
  countdown: countdownBlockSchema,
  divider: dividerBlockSchema,
  quote: quoteBlockSchema
} as const

export const blockSchema = z.discriminatedUnion('type', [
  heroBlockSchema,
  textBlockSchema,
  imageBlockSchema,
  productBlockSchema,
  productGridBlockSchema,
  videoBlockSchema,
  couponBlockSchema,
  shopTheLookBlockSchema,
  carouselBlockSchema,
  countdownBlockSchema,
  dividerBlockSchema,
  quoteBlockSchema
])

export type HeroBlock = z.infer<typeof heroBlockSchema>
export type TextBlock = z.infer<typeof textBlockSchema>
export type ImageBlock = z.infer<typeof imageBlockSchema>
export type ProductBlock = z.infer<typeof productBlockSchema>
export type ProductGridBlock = z.infer<typeof productGridBlockSchema>
export type VideoBlock = z.infer<typeof videoBlockSchema>
export type CouponBlock = z.infer<typeof couponBlockSchema>
export type Hotspot = z.infer<typeof hotspotSchema>
export type ShopTheLookBlock = z.infer<typeof shopTheLookBlockSchema>
export type Slide = z.infer<typeof slideSchema>
export type CarouselBlock = z.infer<typeof carouselBlockSchema>
export type CountdownBlock = z.infer<typeof countdownBlockSchema>
export type DividerBlock = z.infer<typeof dividerBlockSchema>
export type QuoteBlock = z.infer<typeof quoteBlockSchema>
export type Block =
  | HeroBlock
  | TextBlock
  | ImageBlock
  | ProductBlock
  | ProductGridBlock
  | VideoBlock
  | CouponBlock
  | ShopTheLookBlock
  | CarouselBlock
  | CountdownBlock
  | DividerBlock
  | QuoteBlock

export function isBlockType(value: unknown): value is BlockType {
  return typeof value === 'string' && (BLOCK_TYPES as readonly string[]).includes(value)
}

export type BlockIssue = FieldIssue & { code?: 'UNKNOWN_BLOCK_TYPE' }

function checkBlock(raw: unknown, at: string): { block: Block } | { issues: BlockIssue[] } {
  if (!isPlainObject(raw)) return { issues: [{ path: at, message: '模块格式不对' }] }
  if (!isBlockType(raw.type)) {
    return typeof raw.type === 'string'
      ? { issues: [{ path: `${at}.type`, message: `未知的模块类型 "${raw.type}"`, code: 'UNKNOWN_BLOCK_TYPE' }] }
      : { issues: [{ path: `${at}.type`, message: '缺少模块类型' }] }
  }
  const parsed = blockSchemas[raw.type].safeParse(raw)
  return parsed.success ? { block: parsed.data } : { issues: toFieldIssues(parsed.error.issues, at) }
}

/**
 * Every problem of a block list, each with its path (`blocks.2.image`).
 * The code is UNKNOWN_BLOCK_TYPE when any block has a type this version does
 * not know (that issue carries the code too), INVALID_BLOCKS otherwise.
 */
export function validateBlocks(input: unknown, path = 'blocks'): Result<Block[], 'INVALID_BLOCKS' | 'UNKNOWN_BLOCK_TYPE'> {
  if (!Array.isArray(input)) return err('INVALID_BLOCKS', '页面内容格式不对', [{ path, message: '页面内容必须是模块列表' }])
  if (input.length > MAX_BLOCKS) {
    return err('INVALID_BLOCKS', `一个页面最多 ${MAX_BLOCKS} 个模块`, [{ path, message: `最多 ${MAX_BLOCKS} 个模块` }])
  }
  const blocks: Block[] = []
  const issues: BlockIssue[] = []
  input.forEach((raw, i) => {
    const checked = checkBlock(raw, `${path}.${i}`)
    if ('block' in checked) blocks.push(checked.block)
    else issues.push(...checked.issues)
  })
  if (issues.length === 0) return ok(blocks)
  const unknown = issues.find((issue) => issue.code === 'UNKNOWN_BLOCK_TYPE')
  return unknown
    ? err('UNKNOWN_BLOCK_TYPE', unknown.message, issues)
    : err('INVALID_BLOCKS', `页面有 ${issues.length} 处需要修改`, issues)
}

/**
 * For the app: the blocks it can render. Unknown types (a newer admin) and
 * malformed blocks are skipped, reported through onSkip, never thrown.
 */
export function parseBlocksLenient(input: unknown, onSkip?: (index: number, issues: BlockIssue[]) => void): Block[] {
  if (!Array.isArray(input)) return []
  const blocks: Block[] = []
  input.forEach((raw, i) => {
    const checked = checkBlock(raw, `blocks.${i}`)
    if ('block' in checked) blocks.push(checked.block)
    else onSkip?.(i, checked.issues)
  })
  return blocks
}

/** A text block's paragraphs: split on blank lines, inner line breaks kept. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
}
