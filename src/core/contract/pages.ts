/**
 * Published content pages as the shop reads them: `GET /api/v1/pages` (the
 * feed, without blocks) and `GET /api/v1/pages/:slug` (`?preview=TOKEN` serves
 * the draft). Blocks are core's block schemas, the ones staff pages are
 * saved with.
 */
import { z } from 'zod'
import { blockSchema } from '../content-blocks'
import { slugSchema } from '../content-page'
import { coded, pageQuery, paged } from './common'
import { product } from './catalog'

export const pageShare = z.object({ title: z.string(), imageUrl: z.string().nullable() })
export type PageShare = z.infer<typeof pageShare>

/** A published page as the app gets it, cover and share image already fallen back. */
export const pageDto = z
  .object({
    slug: z.string(),
    title: z.string(),
    cover: z.string().nullable(),
    blocks: z.array(blockSchema),
    share: pageShare,
    /** null on a preview of a page never published. */
    publishedAt: z.string().nullable()
  })
  .meta({ id: 'Page' })
export type PageDto = z.infer<typeof pageDto>

export const pageResponse = z.object({ page: pageDto, products: z.record(z.string(), product) })
export type PageResponse = z.infer<typeof pageResponse>

/** An item of GET /api/v1/pages. */
export const pageSummary = pageDto.omit({ blocks: true })
export type PageSummary = z.infer<typeof pageSummary>
export const pageList = paged(pageSummary)

export const pageListQuery = pageQuery
export const pageSlugParams = z.object({ slug: coded(slugSchema, 'INVALID_SLUG') })
export const pageReadQuery = z.object({ preview: z.string().min(1).max(100).optional() })
