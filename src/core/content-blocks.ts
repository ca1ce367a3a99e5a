// The content block schema (docs/api.md "Content blocks"), the one every side validates with.
// The admin gets every problem with its exact path; the app, which may be
// older than the page it renders, skips what it does not understand.
import * as z from 'zod/mini'
import { idField, mediaUrl, plainText } from './content-fields'
import { err, ok, type FieldIssue, type Result } from './result'
import { isPlainObject, toFieldIssues } from './zod-issues'

export const BLOCK_TYPES = ['hero', 'text', 'image', 'product', 'product-grid', 'video', 'coupon'] as const
export type BlockType = (typeof BLOCK_TYPES)[number]

export const MAX_BLOCKS = 100
export const MAX_GRID_PRODUCTS = 20
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

export const blockSchemas = {
  hero: heroBlockSchema,
  text: textBlockSchema,
  image: imageBlockSchema,
  product: productBlockSchema,
  'product-grid': productGridBlockSchema,
  video: videoBlockSchema,
  coupon: couponBlockSchema
} as const

export const blockSchema = z.discriminatedUnion('type', [
  heroBlockSchema,
  textBlockSchema,
  imageBlockSchema,
  productBlockSchema,
  productGridBlockSchema,
  videoBlockSchema,
  couponBlockSchema
])

export type HeroBlock = z.infer<typeof heroBlockSchema>
export type TextBlock = z.infer<typeof textBlockSchema>
export type ImageBlock = z.infer<typeof imageBlockSchema>
export type ProductBlock = z.infer<typeof productBlockSchema>
export type ProductGridBlock = z.infer<typeof productGridBlockSchema>
export type VideoBlock = z.infer<typeof videoBlockSchema>
export type CouponBlock = z.infer<typeof couponBlockSchema>
export type Block = HeroBlock | TextBlock | ImageBlock | ProductBlock | ProductGridBlock | VideoBlock | CouponBlock

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
