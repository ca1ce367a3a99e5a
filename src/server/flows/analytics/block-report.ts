/**
 * GET /api/admin/analytics/blocks?contentSlug=&from=&to=: per block of one
 * page, what shoppers did with it, from events carrying the page's slug and
 * `props.blockIndex` + `props.blockType` (core's blockOf):
 *   views / viewers  block_view events, and distinct shoppers of them
 *   taps             product_view events from the block (a card, hotspot or slide tapped)
 *   addToCarts       add_to_cart events from the block
 * Every block of the live version is listed (zeros included), in page
 * order; a block of an older version that events still name gets its own
 * row. Only kept events count: the retention job's rollups keep no props.
 */
import type { BlockReportRow } from '@core/contract/launch'
import type { Block } from '@core/content'
import { blockOf } from '@core/event-schema'
import { sql } from 'kysely'
import type { Database, Executor } from '../../db/database'
import type { Window } from '../../db/repos/analytics-repo'
import { findPublishedBySlug } from '../../db/repos/page-repo'

const TYPES = ['block_view', 'product_view', 'add_to_cart'] as const

function propOf(dialect: Database['dialect'], key: 'blockIndex' | 'blockType') {
  return dialect === 'sqlite' ? sql`json_extract(props, ${sql.lit(`$.${key}`)})` : sql`(props::jsonb ->> ${sql.lit(key)})`
}

export async function blockReport(db: Executor, dialect: Database['dialect'], w: Window, slug: string): Promise<{ rows: BlockReportRow[] }> {
  const { rows: counts } = await sql<{ type: string; bi: unknown; bt: unknown; events: unknown; shoppers: unknown }>`
    SELECT type, bi, bt, COUNT(*) AS events, COUNT(DISTINCT shopper) AS shoppers FROM (
      SELECT type, shopper, ${propOf(dialect, 'blockIndex')} AS bi, ${propOf(dialect, 'blockType')} AS bt FROM events
      WHERE type IN (${sql.join(TYPES.map((t) => sql.lit(t)))}) AND content_slug = ${slug}
        AND ts >= ${w.fromMs} AND ts < ${w.toMs} AND props IS NOT NULL
    ) x
    WHERE bi IS NOT NULL
    GROUP BY type, bi, bt`.execute(db)

  const rows = new Map<string, BlockReportRow>()
  const row = (index: number, type: string): BlockReportRow => {
    const key = `${index}:${type}`
    let r = rows.get(key)
    if (!r) {
      r = { blockIndex: index, blockType: type, views: 0, viewers: 0, taps: 0, addToCarts: 0 }
      rows.set(key, r)
    }
    return r
  }
  const live = await findPublishedBySlug(db, slug)
  if (live) (JSON.parse(live.blocks) as Block[]).forEach((b, i) => row(i, b.type))
  for (const c of counts) {
    const block = blockOf({ props: { blockIndex: Number(c.bi), blockType: c.bt } })
    if (!block) continue
    const r = row(block.index, block.type)
    if (c.type === 'block_view') {
      r.views += Number(c.events)
      r.viewers += Number(c.shoppers)
    } else if (c.type === 'product_view') r.taps += Number(c.events)
    else r.addToCarts += Number(c.events)
  }
  return { rows: [...rows.values()].sort((a, b) => a.blockIndex - b.blockIndex || (a.blockType < b.blockType ? -1 : 1)) }
}
