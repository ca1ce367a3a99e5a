// Content pages: the body staff send to the admin API, slugs, and the cover
// and share image a page falls back to when staff leave them empty.
import * as z from 'zod/mini'
import { type Block, blockSchema, validateBlocks } from './content-blocks'
import { mediaUrl, plainText, SLUG_MESSAGE, slugSchema } from './content-fields'
import { err, ok, type FieldIssue, type Result } from './result'
import { isPlainObject, toFieldIssues } from './zod-issues'

export { SLUG_PATTERN, slugSchema } from './content-fields'

export function validateSlug(value: unknown): Result<string, 'INVALID_SLUG'> {
  const parsed = slugSchema.safeParse(value)
  return parsed.success ? ok(parsed.data) : err('INVALID_SLUG', SLUG_MESSAGE, { value })
}

const shareSchema = z.object({
  title: z.optional(plainText('分享标题', 60, 0)),
  imageUrl: z.optional(z.nullable(mediaUrl('分享图')))
})

const pageFields = {
  slug: slugSchema,
  title: plainText('页面标题', 60),
  cover: z.optional(z.nullable(mediaUrl('封面图'))),
  share: z.optional(shareSchema)
}

/** `{slug, title, cover?, blocks, share?:{title?, imageUrl?}}`, the admin/staff API body. */
export const pageInputSchema = z.object({ ...pageFields, blocks: z.array(blockSchema) })
export type PageInput = z.infer<typeof pageInputSchema>

const pageFieldsSchema = z.object(pageFields)

/**
 * Like pageInputSchema, but every problem comes back with its path (`title`,
 * `blocks.2.image`) and an unknown block type is UNKNOWN_BLOCK_TYPE.
 */
export function validatePageInput(input: unknown): Result<PageInput, 'INVALID_PAGE' | 'UNKNOWN_BLOCK_TYPE'> {
  if (!isPlainObject(input)) return err('INVALID_PAGE', '页面格式不对', [{ path: '(root)', message: '页面必须是一个对象' }])
  const fields = pageFieldsSchema.safeParse(input)
  const blocks = validateBlocks(input.blocks)
  const issues: FieldIssue[] = [
    ...(fields.success ? [] : toFieldIssues(fields.error.issues)),
    ...(blocks.ok ? [] : (blocks.error.details as FieldIssue[]))
  ]
  if (fields.success && blocks.ok) return ok({ ...fields.data, blocks: blocks.value })
  const code = !blocks.ok && blocks.error.code === 'UNKNOWN_BLOCK_TYPE' ? 'UNKNOWN_BLOCK_TYPE' : 'INVALID_PAGE'
  return err(code, `页面有 ${issues.length} 处需要修改`, issues)
}

/** The first picture of the page in block order: a hero or image block, or a video's poster. */
export function firstImageOf(blocks: readonly Block[]): string | null {
  for (const block of blocks) {
    if (block.type === 'hero' || block.type === 'image') return block.image
    if (block.type === 'video' && block.poster) return block.poster
  }
  return null
}

/**
 * What the app shows and shares: a missing cover falls back to the first
 * image of the page, a missing share image to the cover (so, in turn, to the
 * first image), a missing share title to the page title.
 */
export function pageFallbackImages(page: {
  title: string
  cover?: string | null
  blocks: readonly Block[]
  share?: { title?: string | null; imageUrl?: string | null } | null
}): { cover: string | null; share: { title: string; imageUrl: string | null } } {
  const cover = page.cover || firstImageOf(page.blocks)
  return {
    cover,
    share: { title: page.share?.title || page.title, imageUrl: page.share?.imageUrl || cover }
  }
}

/** Products a page shows, each once, in page order (to load them with the page). */
export function productIdsOf(blocks: readonly Block[]): string[] {
  const ids = new Set<string>()
  for (const block of blocks) {
    if (block.type === 'product') ids.add(block.productId)
    if (block.type === 'product-grid') block.productIds.forEach((id) => ids.add(id))
    if (block.type === 'shop-the-look') block.hotspots.forEach((h) => ids.add(h.productId))
    if (block.type === 'carousel') block.slides.forEach((s) => s.productId !== undefined && ids.add(s.productId))
    if (block.type === 'countdown' && block.productId !== undefined) ids.add(block.productId)
  }
  return [...ids]
}
