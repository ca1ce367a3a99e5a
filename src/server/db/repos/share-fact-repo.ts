/**
 * share_facts (migration 0015): one row per share id, the share as the
 * reports see it, so no report reads every share ever made. The first
 * `share` event of an id is the share (earliest ts, then smallest event id,
 * as attribution and firstShareOf pick it); a later event reusing the id
 * changes nothing, an earlier one that arrives late takes its place.
 *
 *   sharer         the share event's shopper, re-keyed with the events when
 *                  its device is bound to a user (rekeyShareFacts)
 *   depth          core's shareDepth over the shares known now (a parent id
 *                  nobody shared counts as one hop)
 *   subtree_depth  the greatest depth among the share and every share
 *                  descending from it (share-index.ts's subtreeMaxDepths)
 *
 * Kept in the transaction that stores the share events (recordShareFacts,
 * called from ingest): a share's depth is read up its ancestor chain (a few
 * hops), and its subtree depth is pushed up that chain until an ancestor
 * already holds it. A share whose children arrived before it (batches from
 * other phones, out of order) gives them, and their descendants, new depths.
 * The retention job never prunes `share` events, so these rows are never
 * orphaned; rebuildShareFacts recomputes the table from the events (the
 * migration's backfill, the bench's generated databases).
 */
import { shareDepth } from '@core/attribution'
import { sql } from 'kysely'
import type { Executor } from '../database'

export interface ShareFactRow {
  shareId: string
  eventId: string
  sharer: string
  parentShareId: string | null
  contentSlug: string | null
  ts: number
  depth: number
  subtreeDepth: number
}

interface ShareEventLike {
  id: string
  type: string
  ts: number | string
  shopper: string
  shareId?: string | null
  parentShareId?: string | null
  contentSlug?: string | null
}

/** (ts, event id) order: which of two events of one share id is the share. */
const earlier = (a: { ts: number; eventId: string }, b: { ts: number; eventId: string }) =>
  a.ts < b.ts || (a.ts === b.ts && a.eventId < b.eventId)

const toFact = (r: Record<string, unknown>): ShareFactRow => ({
  shareId: String(r.share_id),
  eventId: String(r.event_id),
  sharer: String(r.sharer),
  parentShareId: (r.parent_share_id as string | null) ?? null,
  contentSlug: (r.content_slug as string | null) ?? null,
  ts: Number(r.ts),
  depth: Number(r.depth),
  subtreeDepth: Number(r.subtree_depth)
})

/**
 * The facts a transaction works on: read once by id, changed in memory,
 * written back at the end. Reads go through the primary key and the
 * parent index only.
 */
class FactCache {
  readonly facts = new Map<string, ShareFactRow | null>()
  readonly dirty = new Set<string>()
  constructor(private readonly db: Executor) {}

  async load(ids: Iterable<string>): Promise<void> {
    const want = [...new Set(ids)].filter((id) => !this.facts.has(id))
    for (let i = 0; i < want.length; i += 500) {
      const chunk = want.slice(i, i + 500)
      for (const id of chunk) this.facts.set(id, null)
      const { rows } = await sql<Record<string, unknown>>`
        SELECT * FROM share_facts WHERE share_id IN (${sql.join(chunk)})`.execute(this.db.withoutPlugins())
      for (const r of rows) this.facts.set(String(r.share_id), toFact(r))
    }
  }

  async get(id: string): Promise<ShareFactRow | null> {
    if (!this.facts.has(id)) await this.load([id])
    return this.facts.get(id) ?? null
  }

  async children(ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return []
    const { rows } = await sql<Record<string, unknown>>`
      SELECT * FROM share_facts WHERE parent_share_id IN (${sql.join(ids)})`.execute(this.db.withoutPlugins())
    const out: string[] = []
    for (const r of rows) {
      const f = toFact(r)
      if (!this.facts.get(f.shareId)) this.facts.set(f.shareId, f)
      out.push(f.shareId)
    }
    // Children only known in memory so far (made earlier in this same batch).
    for (const [id, f] of this.facts) if (f?.parentShareId && ids.includes(f.parentShareId) && !out.includes(id)) out.push(id)
    return out
  }

  set(f: ShareFactRow): void {
    this.facts.set(f.shareId, f)
    this.dirty.add(f.shareId)
  }

  /** core's shareDepth, walking parents through the facts (a few hops). */
  async depthOf(id: string): Promise<number> {
    let at: string | null = id
    const seen = new Set<string>()
    while (at && !seen.has(at)) {
      seen.add(at)
      const f = await this.get(at)
      if (!f) break
      at = f.parentShareId
    }
    const lookup = new Map<string, { parentShareId: string | null }>()
    for (const s of seen) {
      const f = this.facts.get(s)
      if (f) lookup.set(s, { parentShareId: f.parentShareId })
    }
    return shareDepth(id, lookup)
  }

  async flush(): Promise<void> {
    const rows = [...this.dirty].map((id) => this.facts.get(id)).filter((f): f is ShareFactRow => !!f)
    for (let i = 0; i < rows.length; i += 500) await upsertFacts(this.db, rows.slice(i, i + 500))
    this.dirty.clear()
  }
}

async function upsertFacts(db: Executor, rows: readonly ShareFactRow[]): Promise<void> {
  if (rows.length === 0) return
  await db
    .insertInto('shareFacts')
    .values(rows.map((f) => ({ ...f })))
    .onConflict((oc) =>
      oc.column('shareId').doUpdateSet((eb) => ({
        eventId: eb.ref('excluded.eventId'),
        sharer: eb.ref('excluded.sharer'),
        parentShareId: eb.ref('excluded.parentShareId'),
        contentSlug: eb.ref('excluded.contentSlug'),
        ts: eb.ref('excluded.ts'),
        depth: eb.ref('excluded.depth'),
        subtreeDepth: eb.ref('excluded.subtreeDepth')
      }))
    )
    .execute()
}

/**
 * Ingest's one call: the batch's rows (as they go into events, shopper set);
 * its `share` events become or change share facts in the same transaction.
 * A resent event (same id) finds its fact already there and changes nothing.
 */
export async function recordShareFacts(db: Executor, rows: readonly ShareEventLike[]): Promise<void> {
  const shares = rows.filter((r) => r.type === 'share' && r.shareId)
  if (shares.length === 0) return
  const cache = new FactCache(db)
  await cache.load(shares.flatMap((r) => [r.shareId as string, ...(r.parentShareId ? [r.parentShareId] : [])]))
  for (const r of shares) {
    const shareId = r.shareId as string
    const candidate = { ts: Number(r.ts), eventId: r.id }
    const held = await cache.get(shareId)
    if (held && !earlier(candidate, held)) continue
    const fact: ShareFactRow = {
      shareId,
      eventId: r.id,
      sharer: r.shopper,
      parentShareId: r.parentShareId ?? null,
      contentSlug: r.contentSlug ?? null,
      ts: candidate.ts,
      depth: 0,
      subtreeDepth: 0
    }
    await placeShare(cache, fact, held)
  }
  await cache.flush()
}

/**
 * Puts a new (or earlier, replacing) share in the forest: its depth, then
 * every descendant's depth again (they may have counted it as an unknown
 * parent), then subtree depths inside that subtree and up the ancestor chain.
 */
async function placeShare(cache: FactCache, fact: ShareFactRow, replaced: ShareFactRow | null): Promise<void> {
  cache.set(fact)
  // The share and everything descending from it (guarded against cycles a client could make up).
  const subtree: string[] = [fact.shareId]
  const inSubtree = new Set(subtree)
  for (let frontier = [fact.shareId]; frontier.length > 0; ) {
    const next = (await cache.children(frontier)).filter((id) => !inSubtree.has(id))
    for (const id of next) inSubtree.add(id)
    subtree.push(...next)
    frontier = next
  }
  for (const id of subtree) {
    const f = (await cache.get(id)) as ShareFactRow
    cache.set({ ...f, depth: await cache.depthOf(id) })
  }
  // Subtree depths inside the subtree: everything reaching a share is in it, so this is exact.
  const best = new Map<string, number>()
  for (const id of subtree) {
    const depth = (cache.facts.get(id) as ShareFactRow).depth
    let at: string | null = id
    for (let hops = 0; at && inSubtree.has(at) && hops <= subtree.length; hops++) {
      const held = best.get(at) ?? 0
      if (held >= depth && at !== id) break
      if (held < depth) best.set(at, depth)
      at = (cache.facts.get(at) as ShareFactRow).parentShareId
    }
  }
  let top = 0
  for (const [id, d] of best) {
    cache.set({ ...(cache.facts.get(id) as ShareFactRow), subtreeDepth: d })
    top = Math.max(top, d)
  }
  // A replaced share that hung elsewhere: its old ancestors lose this subtree.
  if (replaced && replaced.parentShareId !== fact.parentShareId && replaced.parentShareId) {
    await recomputeUp(cache, replaced.parentShareId, inSubtree)
  }
  // Ancestors outside the subtree: push the subtree's greatest depth up until one already holds it.
  const seen = new Set(inSubtree)
  for (let at = fact.parentShareId; at && !seen.has(at); ) {
    seen.add(at)
    const f = await cache.get(at)
    if (!f) break
    if (f.subtreeDepth >= top && !replaced) break
    if (f.subtreeDepth < top) cache.set({ ...f, subtreeDepth: top })
    at = f.parentShareId
  }
}

/** Subtree depths again from the children, up the chain from `from` (after a share moved away from it). */
async function recomputeUp(cache: FactCache, from: string, skip: ReadonlySet<string>): Promise<void> {
  const seen = new Set<string>(skip)
  for (let at: string | null = from; at && !seen.has(at); ) {
    seen.add(at)
    const f = await cache.get(at)
    if (!f) return
    let d = f.depth
    for (const c of await cache.children([at])) d = Math.max(d, (await cache.get(c))?.subtreeDepth ?? 0)
    cache.set({ ...f, subtreeDepth: d })
    at = f.parentShareId
  }
}

/** Login's one call: a device just bound to a user; its shares now belong to the user, as its events do. */
export async function rekeyShareFacts(db: Executor, anonId: string, userId: string): Promise<void> {
  await db.updateTable('shareFacts').set({ sharer: userId }).where('sharer', '=', anonId).execute()
}

/**
 * The whole table again from the `share` events (the migration's backfill;
 * the bench's generated databases, whose events go in without ingest).
 * Reads every share once, in (ts, id) order, and computes depths as
 * share-index.ts does.
 */
export async function rebuildShareFacts(db: Executor): Promise<number> {
  const { rows } = await sql<{ id: string; share_id: string; shopper: string; parent_share_id: string | null; content_slug: string | null; ts: unknown }>`
    SELECT id, share_id, shopper, parent_share_id, content_slug, ts FROM events
    WHERE type = 'share' AND share_id IS NOT NULL ORDER BY ts, id`.execute(db.withoutPlugins())
  const facts = new Map<string, ShareFactRow>()
  for (const r of rows) {
    if (facts.has(r.share_id)) continue
    facts.set(r.share_id, {
      shareId: r.share_id,
      eventId: r.id,
      sharer: r.shopper,
      parentShareId: r.parent_share_id,
      contentSlug: r.content_slug,
      ts: Number(r.ts),
      depth: 0,
      subtreeDepth: 0
    })
  }
  const lookup = new Map<string, { parentShareId: string | null }>()
  for (const [id, f] of facts) lookup.set(id, { parentShareId: f.parentShareId })
  for (const [id, f] of facts) f.depth = shareDepth(id, lookup)
  for (const [id, f] of facts) {
    let at: string | null = id
    for (let hops = 0; at && hops <= facts.size; hops++) {
      const a = facts.get(at)
      if (!a) break
      if (a.subtreeDepth >= f.depth && at !== id) break
      if (a.subtreeDepth < f.depth) a.subtreeDepth = f.depth
      at = a.parentShareId
    }
  }
  await db.deleteFrom('shareFacts').execute()
  const all = [...facts.values()]
  // 8 columns a row: 500 rows stay under both dialects' parameter limits.
  for (let i = 0; i < all.length; i += 500) await db.insertInto('shareFacts').values(all.slice(i, i + 500)).execute()
  return all.length
}
