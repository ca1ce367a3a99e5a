/**
 * Content pages as staff edit them: drafts, publishing (now or at a time),
 * preview links and versions (`/api/admin/pages…`). The body is core's page
 * schema, checked by core's validatePageInput so every problem keeps its
 * path and its code (INVALID_PAGE, UNKNOWN_BLOCK_TYPE).
 */
import { z } from 'zod'
import { blockSchema, type Block } from '../content-blocks'
import { pageInputSchema, slugSchema, validatePageInput, type PageInput } from '../content-page'
import type { FieldIssue } from '../result'
import { coded, id, isoTime } from './common'
import { pageDto, pageShare } from './pages'

export type { Block, PageInput }

export const pageStatus = z.enum(['draft', 'scheduled', 'published'])
export type PageStatus = z.infer<typeof pageStatus>

/** A page in the admin: the draft as staff wrote it, the cover/share it falls back to, and its publishing state. */
export const adminPage = z
  .object({
    id: z.string(),
    slug: z.string(),
    title: z.string(),
    cover: z.string().nullable(),
    blocks: z.array(blockSchema),
    share: z.object({ title: z.string().nullable(), imageUrl: z.string().nullable() }),
    /** Cover and share after the fallbacks (first picture, page title), as shoppers will see them. */
    effective: z.object({ cover: z.string().nullable(), share: pageShare }),
    status: pageStatus,
    publishedVersion: z.number().int().nullable(),
    /** The live version's slug (it may differ from the draft's). */
    publishedSlug: z.string().nullable(),
    publishedAt: isoTime.nullable(),
    scheduledVersion: z.number().int().nullable(),
    scheduledAt: isoTime.nullable(),
    /** When the page goes offline by itself (the jobs runner unpublishes it); null = no scheduled end. Always sent by this server. */
    unpublishAt: isoTime.nullable().optional(),
    createdAt: isoTime,
    updatedAt: isoTime
  })
  .meta({ id: 'AdminPage' })
export type AdminPage = z.infer<typeof adminPage>
export type AdminPageDto = AdminPage

export const adminPageResponse = z.object({ page: adminPage })
export type AdminPageResponse = z.infer<typeof adminPageResponse>
export const adminPageList = z.object({ items: z.array(adminPage), nextCursor: z.string().nullable() })

export const adminPageListQuery = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50)
})

/**
 * POST/PUT body: `{slug, title, cover?, blocks, share?:{title?, imageUrl?}}`.
 * Core's validatePageInput names every problem; each issue carries its code
 * (`params.code`), which the server answers instead of VALIDATION_FAILED.
 */
export const pageRequest = z.preprocess((input, ctx) => {
  const checked = validatePageInput(input)
  if (checked.ok) return checked.value
  for (const issue of checked.error.details as FieldIssue[]) {
    ctx.addIssue({
      code: 'custom',
      path: issue.path === '(root)' ? [] : issue.path.split('.'),
      message: issue.message,
      params: { code: checked.error.code }
    })
  }
  return z.NEVER
}, pageInputSchema)
export type PageRequest = PageInput

const scheduleTime = z.iso.datetime({ offset: true, message: 'an ISO 8601 time with offset' })
/**
 * POST …/:id/publish: now, or `{at}` (ISO 8601 with offset) to schedule;
 * `unpublishAt` (after the publish time) schedules the end, `null` clears it,
 * absent keeps the page's current end.
 */
export const publishRequest = z
  .object({ at: scheduleTime.optional(), unpublishAt: scheduleTime.nullable().optional() })
  .refine((b) => !b.at || !b.unpublishAt || Date.parse(b.unpublishAt) > Date.parse(b.at), {
    message: 'unpublishAt must be after at',
    path: ['unpublishAt']
  })
  .nullish()
export type PublishRequest = { at?: string; unpublishAt?: string | null }

export const previewResponse = z.object({ token: z.string(), url: z.string(), expiresAt: isoTime })
export type Preview = z.infer<typeof previewResponse>
export type PreviewResponse = Preview

export const pageVersion = z.object({
  version: z.number().int(),
  slug: z.string(),
  title: z.string(),
  createdAt: isoTime,
  createdBy: z.string().nullable(),
  /** The version shoppers see now. */
  live: z.boolean(),
  /** The version waiting for its publish time. */
  scheduled: z.boolean()
})
export type PageVersion = z.infer<typeof pageVersion>
export const pageVersionList = z.object({ items: z.array(pageVersion), nextCursor: z.null() })

/** One version as shoppers would see it. */
export const pageVersionResponse = z.object({ version: z.number().int(), createdAt: isoTime, createdBy: z.string().nullable(), page: pageDto })
export type PageVersionResponse = z.infer<typeof pageVersionResponse>

export const versionParams = z.object({ id, v: z.coerce.number().int().min(1).max(1_000_000) })

/** GET …/:id/versions/:v/diff/:against: what changed from version v to `against` (a version number or `draft`). */
export const diffParams = z.object({
  id,
  v: z.coerce.number().int().min(1).max(1_000_000),
  against: z.union([z.literal('draft'), z.coerce.number().int().min(1).max(1_000_000)])
})
const fieldChange = z.object({ path: z.string(), before: z.unknown().optional(), after: z.unknown().optional() })
export const blockChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('added'), index: z.number().int(), type: z.string(), block: blockSchema }),
  z.object({ kind: z.literal('removed'), fromIndex: z.number().int(), type: z.string(), block: blockSchema }),
  z.object({ kind: z.literal('edited'), fromIndex: z.number().int(), index: z.number().int(), type: z.string(), changes: z.array(fieldChange) })
])
export const pageDiffResponse = z.object({
  from: z.number().int(),
  to: z.union([z.number().int(), z.literal('draft')]),
  fields: z.array(fieldChange),
  blocks: z.array(blockChange),
  summary: z.object({ added: z.number().int(), removed: z.number().int(), edited: z.number().int(), unchanged: z.number().int() })
})
export type PageDiffResponse = z.infer<typeof pageDiffResponse>

/** GET /api/admin/page-templates: what staff can start a page from. */
export const pageTemplate = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  title: z.string(),
  productSlots: z.number().int(),
  blockTypes: z.array(z.string())
})
export const pageTemplateList = z.object({ items: z.array(pageTemplate) })
export type PageTemplateDto = z.infer<typeof pageTemplate>

/**
 * POST /api/admin/pages/from-template: a new draft from a template. Its
 * product slots are filled with `productIds` (in order), else with the
 * brand's newest products; `notes` says what staff still have to do.
 */
export const fromTemplateRequest = z.object({
  templateId: z.string().max(40),
  slug: coded(slugSchema, 'INVALID_SLUG'),
  title: z.string().min(1).max(60).optional(),
  productIds: z.array(id).max(12).optional()
})
export const fromTemplateResponse = z.object({ page: adminPage, notes: z.array(z.string()) })
