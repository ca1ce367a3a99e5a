/**
 * Page rows → what the APIs answer. Staff see the draft as stored plus the
 * publication state and the `effective` cover/share after fallbacks; the
 * shopper sees a published (or previewed) snapshot with fallbacks applied.
 */
import type { AdminPage } from '@core/contract/admin-pages'
import type { PageDto } from '@core/contract/pages'
import { pageFallbackImages, type Block } from '@core/content'
import type { PageContentRow, PageRow } from '../../db/repos/page-repo'

function contentOf(row: PageContentRow) {
  return {
    title: row.title,
    cover: row.cover,
    blocks: JSON.parse(row.blocks) as Block[],
    share: { title: row.shareTitle, imageUrl: row.shareImageUrl }
  }
}

export function shopperPage(row: PageContentRow, publishedAt: string | null): PageDto {
  const content = contentOf(row)
  const fallback = pageFallbackImages(content)
  return { slug: row.slug, title: row.title, cover: fallback.cover, blocks: content.blocks, share: fallback.share, publishedAt }
}

export function adminPage(row: PageRow): AdminPage {
  const content = contentOf(row)
  return {
    id: row.id,
    slug: row.slug,
    ...content,
    effective: pageFallbackImages(content),
    status: row.publishedVersion !== null ? 'published' : row.scheduledAt !== null ? 'scheduled' : 'draft',
    publishedVersion: row.publishedVersion,
    publishedSlug: row.publishedSlug,
    publishedAt: row.publishedAt,
    scheduledVersion: row.scheduledVersion,
    scheduledAt: row.scheduledAt,
    unpublishAt: row.unpublishAt ?? null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt
  }
}
