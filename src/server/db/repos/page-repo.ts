/**
 * Content pages. A page row holds the editable draft plus pointers into
 * page_versions: the published version (and the slug it is served under)
 * and a scheduled one with its time. Versions are immutable snapshots.
 */
import type { Selectable, Updateable } from 'kysely'
import { runCompiledOnce } from '../compiled-once'
import type { Executor } from '../database'
import type { ContentTables } from '../schema'

export type PageRow = Selectable<ContentTables['pages']>
export type PageVersionRow = Selectable<ContentTables['pageVersions']>
export type PageContentRow = Pick<PageRow, 'slug' | 'title' | 'cover' | 'blocks' | 'shareTitle' | 'shareImageUrl'>

/** A new draft's row: its content, never published, nothing scheduled. */
export function newDraftRow(id: string, content: PageContentRow, now: string): PageRow {
  return {
    id,
    ...content,
    createdAt: now,
    updatedAt: now,
    publishedVersion: null,
    publishedSlug: null,
    publishedAt: null,
    scheduledVersion: null,
    scheduledAt: null,
    unpublishAt: null
  }
}

export async function insertPage(db: Executor, row: PageRow): Promise<void> {
  await db.insertInto('pages').values(row).execute()
}

export async function updatePage(db: Executor, id: string, patch: Updateable<ContentTables['pages']>): Promise<void> {
  await db.updateTable('pages').set(patch).where('id', '=', id).execute()
}

export function findPageRow(db: Executor, id: string): Promise<PageRow | undefined> {
  return db.selectFrom('pages').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Is this slug a draft slug or a live published slug of any page other than `exceptId`? */
export async function slugInUse(db: Executor, slug: string, exceptId: string | null): Promise<boolean> {
  let q = db
    .selectFrom('pages')
    .select('id')
    .where((eb) => eb.or([eb('slug', '=', slug), eb('publishedSlug', '=', slug)]))
  if (exceptId) q = q.where('id', '<>', exceptId)
  return (await q.executeTakeFirst()) !== undefined
}

export function listPageRows(db: Executor, opts: { limit: number; after?: { at: string; id: string } }) {
  let q = db.selectFrom('pages').selectAll()
  const after = opts.after
  if (after) {
    q = q.where((eb) =>
      eb.or([eb('updatedAt', '<', after.at), eb.and([eb('updatedAt', '=', after.at), eb('id', '<', after.id)])])
    )
  }
  return q.orderBy('updatedAt', 'desc').orderBy('id', 'desc').limit(opts.limit).execute()
}

export async function maxVersion(db: Executor, pageId: string): Promise<number> {
  const row = await db
    .selectFrom('pageVersions')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('pageId', '=', pageId)
    .executeTakeFirst()
  return Number(row?.v ?? 0)
}

export async function insertVersion(db: Executor, row: PageVersionRow): Promise<void> {
  await db.insertInto('pageVersions').values(row).execute()
}

export function findVersion(db: Executor, pageId: string, version: number): Promise<PageVersionRow | undefined> {
  return db
    .selectFrom('pageVersions')
    .selectAll()
    .where('pageId', '=', pageId)
    .where('version', '=', version)
    .executeTakeFirst()
}

export function listVersions(db: Executor, pageId: string) {
  return db
    .selectFrom('pageVersions')
    .select(['version', 'slug', 'title', 'createdAt', 'createdBy'])
    .where('pageId', '=', pageId)
    .orderBy('version', 'desc')
    .execute()
}

/** Pages whose scheduled time has come, oldest first. */
export function findDuePages(db: Executor, nowIso: string, limit = 50) {
  return db
    .selectFrom('pages')
    .select(['id', 'scheduledVersion', 'scheduledAt'])
    .where('scheduledAt', 'is not', null)
    .where('scheduledAt', '<=', nowIso)
    .orderBy('scheduledAt')
    .limit(limit)
    .execute()
}

/**
 * Fires one schedule if it is still the one we read: the WHERE makes a
 * second runner (or a staff change in between) update nothing.
 */
export async function publishScheduled(
  db: Executor,
  p: { id: string; version: number; scheduledAt: string; slug: string; publishedAt: string }
): Promise<boolean> {
  const res = await db
    .updateTable('pages')
    .set({
      publishedVersion: p.version,
      publishedSlug: p.slug,
      publishedAt: p.publishedAt,
      scheduledVersion: null,
      scheduledAt: null
    })
    .where('id', '=', p.id)
    .where('scheduledVersion', '=', p.version)
    .where('scheduledAt', '=', p.scheduledAt)
    .executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}

const publishedColumns = [
  'pages.id as id',
  'pages.publishedAt as publishedAt',
  'pageVersions.slug as slug',
  'pageVersions.title as title',
  'pageVersions.cover as cover',
  'pageVersions.blocks as blocks',
  'pageVersions.shareTitle as shareTitle',
  'pageVersions.shareImageUrl as shareImageUrl'
] as const

function published(db: Executor) {
  return db
    .selectFrom('pages')
    .innerJoin('pageVersions', (j) =>
      j.onRef('pageVersions.pageId', '=', 'pages.id').onRef('pageVersions.version', '=', 'pages.publishedVersion')
    )
    .select(publishedColumns)
}

/** The shopper's hot path: compiled once, see compiled-once.ts. */
export async function findPublishedBySlug(db: Executor, slug: string) {
  const rows = await runCompiledOnce(db, 'published-by-slug', [slug], () =>
    published(db).where('pages.publishedSlug', '=', slug)
  )
  return rows[0]
}

/** Published pages, newest publication first; `after` is the previous page's last (publishedAt, id). */
export function listPublished(db: Executor, opts: { limit: number; after?: { at: string; id: string } }) {
  let q = published(db).where('pages.publishedAt', 'is not', null)
  const after = opts.after
  if (after) {
    q = q.where((eb) =>
      eb.or([
        eb('pages.publishedAt', '<', after.at),
        eb.and([eb('pages.publishedAt', '=', after.at), eb('pages.id', '<', after.id)])
      ])
    )
  }
  return q.orderBy('pages.publishedAt', 'desc').orderBy('pages.id', 'desc').limit(opts.limit).execute()
}

export async function insertPreviewToken(
  db: Executor,
  row: { tokenHash: string; pageId: string; expiresAt: string; createdBy: string }
): Promise<void> {
  await db.insertInto('previewTokens').values(row).execute()
}

export async function findPreviewPageId(db: Executor, tokenHash: string, nowIso: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('previewTokens')
    .select('pageId')
    .where('tokenHash', '=', tokenHash)
    .where('expiresAt', '>', nowIso)
    .executeTakeFirst()
  return row?.pageId
}

export async function deleteExpiredPreviewTokens(db: Executor, nowIso: string): Promise<void> {
  await db.deleteFrom('previewTokens').where('expiresAt', '<=', nowIso).execute()
}

/** Pages whose scheduled end (unpublish_at, migration 0014) has come, oldest first. */
export function findPagesToEnd(db: Executor, nowIso: string, limit = 50) {
  return db
    .selectFrom('pages')
    .select(['id', 'unpublishAt', 'publishedVersion', 'scheduledAt'])
    .where('unpublishAt', 'is not', null)
    .where('unpublishAt', '<=', nowIso)
    .orderBy('unpublishAt')
    .limit(limit)
    .execute()
}

/**
 * Takes a page offline at its scheduled end if that end is still the one we
 * read (a second runner updates nothing). A pending schedule is kept: the
 * jobs runner fires due schedules first, so one still pending is later than
 * the end and brings the page back then.
 */
export async function endPage(db: Executor, id: string, unpublishAt: string): Promise<boolean> {
  const res = await db
    .updateTable('pages')
    .set({ publishedVersion: null, publishedSlug: null, publishedAt: null, unpublishAt: null })
    .where('id', '=', id)
    .where('unpublishAt', '=', unpublishAt)
    .executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}

/** Which of these slugs some page uses, as its draft slug or its live one. */
export async function existingSlugs(db: Executor, slugs: readonly string[]): Promise<string[]> {
  if (slugs.length === 0) return []
  const rows = await db
    .selectFrom('pages')
    .select(['slug', 'publishedSlug'])
    .where((eb) => eb.or([eb('slug', 'in', [...slugs]), eb('publishedSlug', 'in', [...slugs])]))
    .execute()
  const found = new Set(rows.flatMap((r) => [r.slug, r.publishedSlug]))
  return slugs.filter((s) => found.has(s))
}
