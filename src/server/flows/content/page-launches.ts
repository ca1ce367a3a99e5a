/**
 * Keeps product_launches in step with what is live: when a page goes live
 * its countdown blocks that name a product become that product's launch
 * times; when it goes offline they are removed. Called inside the
 * transaction that changes the page's live version, so orders never see a
 * page live without its launches (or the reverse).
 */
import { launchesOf } from '@core/launch'
import type { Block } from '@core/content'
import type { Executor } from '../../db/database'
import { replacePageLaunches } from '../../db/repos/launch-repo'

export async function syncPageLaunches(
  db: Executor,
  page: { id: string; liveSlug: string | null; liveBlocks: string | null },
  now: Date
): Promise<void> {
  const launches = page.liveBlocks === null ? [] : launchesOf(JSON.parse(page.liveBlocks) as Block[])
  await replacePageLaunches(db, page.id, page.liveSlug, launches, now.toISOString())
}
