/**
 * Synthetic analytics data straight into a migrated database (not through
 * HTTP): shoppers arriving organically or through shares, sessions with
 * views, carts, checkouts and orders, logins binding devices (some shoppers
 * use two), and share chains several hops deep (openers share again with
 * the parent's id). Orders get the attribution the shopper's last open of
 * someone else's share gives. Deterministic for a given seed.
 *
 *   await generateEvents(database, { events: 1_000_000, endMs })
 */
import SQLite from 'better-sqlite3'
import type { Insertable } from 'kysely'
import type { Database } from '../../src/server/db/database'
import type { Tables } from '../../src/server/db/schema'

export interface GenOptions {
  events: number
  endMs: number
  days?: number
  seed?: number
  slugs?: number
}

export interface GenSummary {
  events: number
  shoppers: number
  users: number
  shares: number
  orders: number
  maxDepth: number
}

const DAY = 86_400_000
const HOUR = 3_600_000

function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type EventRow = Insertable<Tables['events']>
type OrderRow = Insertable<Tables['orders']>

interface Shopper {
  anonIds: string[]
  userId: string | null
  opens: Array<{ shareId: string; ts: number }>
}
interface Share {
  sharer: Shopper
  depth: number
  slug: string
}
interface Arrival {
  at: number
  via: string | null
  shopper: Shopper | null
}

/**
 * sqlitePath: the same database's file, when it is SQLite; events then go in
 * through one prepared statement (several times faster than building 1,000
 * INSERTs in Kysely), everything else through Kysely as usual.
 */
export async function generateEvents(database: Database, opts: GenOptions, sqlitePath?: string): Promise<GenSummary> {
  const rnd = prng(opts.seed ?? 42)
  const days = opts.days ?? 30
  const startMs = opts.endMs - days * DAY
  const slugs = Array.from({ length: opts.slugs ?? 40 }, (_, i) => `look-${i + 1}`)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1))

  const events: EventRow[] = []
  const orders: OrderRow[] = []
  const users: Array<{ id: string; at: number }> = []
  const bindings: Array<{ anonId: string; userId: string; at: number }> = []
  const bound = new Set<string>()
  const shares = new Map<string, Share>()
  const shoppers: Shopper[] = []
  let n = 0
  const id = (p: string) => `${p}${(++n).toString(36)}`

  const push = (e: Omit<EventRow, 'receivedAt' | 'shopper'>) => events.push({ ...e, shopper: '', receivedAt: new Date(Number(e.ts)).toISOString() })
  const newShopper = (): Shopper => {
    const s: Shopper = { anonIds: [id('a')], userId: null, opens: [] }
    shoppers.push(s)
    return s
  }
  const login = (s: Shopper, at: number) => {
    if (!s.userId) {
      s.userId = id('u')
      users.push({ id: s.userId, at })
    }
    for (const anonId of s.anonIds) {
      if (bound.has(anonId)) continue
      bound.add(anonId)
      bindings.push({ anonId, userId: s.userId, at })
    }
  }
  const attribution = (s: Shopper, at: number) => {
    const own = (shareId: string) => shares.get(shareId)?.sharer === s
    const open = [...s.opens].reverse().find((o) => o.ts <= at && o.ts >= at - 7 * DAY && !own(o.shareId))
    const share = open ? shares.get(open.shareId) : undefined
    if (!open || !share) return null
    return { shareId: open.shareId, sharer: share.sharer.userId ?? share.sharer.anonIds[0]!, slug: share.slug, depth: share.depth }
  }

  const queue: Arrival[] = []
  // Organic arrivals spread over the period; shares add more as they happen.
  const organic = Math.ceil(opts.events / 40)
  for (let i = 0; i < organic; i++) queue.push({ at: Math.floor(startMs + rnd() * (days - 1) * DAY), via: null, shopper: null })

  while (events.length < opts.events) {
    // When the shares run dry, another organic shopper arrives.
    const arrival = queue.pop() ?? { at: Math.floor(startMs + rnd() * (days - 1) * DAY), via: null, shopper: null }
    const s = arrival.shopper ?? newShopper()
    if (!arrival.shopper && rnd() < 0.1) s.anonIds.push(id('a')) // a second device
    let t = arrival.at
    const sessions = int(1, 4)
    for (let k = 0; k < sessions && t < opts.endMs - HOUR; k++) {
      const anonId = pick(s.anonIds)
      const sessionId = id('s')
      const base = { anonId, sessionId, userId: null }
      const step = () => (t += int(2, 90) * 1000)
      const via = k === 0 ? arrival.via : null
      push({ ...base, id: id('e'), type: 'app_launch', ts: t, scene: via ? 1007 : 1001 })
      let slug = pick(slugs)
      if (via) {
        slug = shares.get(via)?.slug ?? slug
        push({ ...base, id: id('e'), type: 'share_open', ts: step(), shareId: via, scene: 1007, contentSlug: slug })
        s.opens.push({ shareId: via, ts: t })
      }
      for (let v = int(1, 4); v > 0; v--) {
        push({ ...base, id: id('e'), type: 'page_view', ts: step(), page: 'pages/content/index' })
        push({ ...base, id: id('e'), type: 'content_view', ts: step(), contentSlug: slug })
        if (rnd() < 0.6) push({ ...base, id: id('e'), type: 'product_view', ts: step(), productId: `p${int(1, 200)}` })
        if (rnd() < 0.3) slug = pick(slugs)
      }
      if (rnd() < 0.09) {
        const shareId = id('sh')
        const parent = s.opens.length > 0 ? (s.opens[s.opens.length - 1] as { shareId: string }).shareId : undefined
        const parentShare = parent ? shares.get(parent) : undefined
        shares.set(shareId, { sharer: s, depth: parentShare ? parentShare.depth + 1 : 1, slug })
        push({ ...base, id: id('e'), type: 'share', ts: step(), shareId, channel: rnd() < 0.8 ? 'chat' : 'timeline', contentSlug: slug, ...(parentShare ? { parentShareId: parent } : {}) })
        // Most shares are opened by one or two people; a few travel far.
        for (let o = rnd() < 0.15 ? int(3, 8) : int(0, 2); o > 0; o--) {
          const known = rnd() < 0.15 && shoppers.length > 10 ? pick(shoppers) : null
          queue.push({ at: Math.floor(t + rnd() * 2 * DAY), via: shareId, shopper: known })
        }
      }
      if (rnd() < 0.3) {
        push({ ...base, id: id('e'), type: 'add_to_cart', ts: step(), skuId: `k${int(1, 400)}`, qty: int(1, 3), ...(rnd() < 0.7 ? { contentSlug: slug } : {}) })
        if (rnd() < 0.5) {
          push({ ...base, id: id('e'), type: 'checkout_start', ts: step() })
          if (rnd() < 0.6) {
            login(s, step())
            const orderId = id('ord')
            const totalFen = int(20, 2000) * 100
            const createdAt = step()
            const attr = attribution(s, createdAt)
            const paid = rnd() < 0.75
            const paidAt = paid ? step() : null
            const status = paid ? pick(['paid', 'paid', 'shipped', 'completed', 'refunded']) : pick(['pending_payment', 'closed'])
            push({ id: `order_created_${orderId}`, type: 'order_created', ts: createdAt, userId: s.userId, orderId, totalFen, contentSlug: attr?.slug ?? slug, shareId: attr?.shareId ?? null })
            if (paidAt) push({ id: `order_paid_${orderId}`, type: 'order_paid', ts: paidAt, userId: s.userId, orderId, totalFen })
            orders.push(orderRow(orderId, s.userId as string, status, totalFen, createdAt, paidAt, attr, slug))
          }
        }
      }
      t += int(2, 72) * HOUR
    }
  }

  // Who each event's shopper is, once every login has happened (as re-keying at login leaves it).
  const userOf = new Map(bindings.map((b) => [b.anonId, b.userId]))
  for (const e of events) e.shopper = e.anonId ? (userOf.get(e.anonId) ?? e.anonId) : (e.userId as string)
  const t0 = Date.now()
  await insertAll(database, users, bindings, sqlitePath ? [] : events, orders)
  if (sqlitePath) insertEventsRaw(sqlitePath, events)
  if (process.env.GEN_VERBOSE) console.log(`generated in memory, inserted in ${Date.now() - t0} ms`)
  return {
    events: events.length,
    shoppers: shoppers.length,
    users: users.length,
    shares: shares.size,
    orders: orders.length,
    maxDepth: Math.max(0, ...[...shares.values()].map((s) => s.depth))
  }
}

function orderRow(
  id: string,
  userId: string,
  status: string,
  totalFen: number,
  createdAt: number,
  paidAt: number | null,
  attr: { shareId: string; sharer: string; slug: string; depth: number } | null,
  slug: string
): OrderRow {
  const iso = new Date(createdAt).toISOString()
  return {
    id,
    userId,
    outTradeNo: `T${id}`,
    status,
    totalFen,
    discountFen: 0,
    payableFen: totalFen,
    refundedFen: status === 'refunded' ? totalFen : 0,
    refundingFen: null,
    statusBeforeRefund: null,
    items: '[]',
    address: '{}',
    attrShareId: attr?.shareId ?? null,
    attrSharerUserId: attr?.sharer ?? null,
    attrContentSlug: attr?.slug ?? slug,
    attrDepth: attr?.depth ?? null,
    attrScene: attr ? '1007' : null,
    createdAt: iso,
    expiresAt: new Date(createdAt + 15 * 60_000).toISOString(),
    paidAt: paidAt ? new Date(paidAt).toISOString() : null,
    closedAt: null,
    idempotencyKey: id,
    requestHash: id,
    updatedAt: iso,
    transactionId: null,
    prepayId: null,
    payRequestedAt: null,
    payCheckedAt: null
  }
}

async function insertAll(
  database: Database,
  users: Array<{ id: string; at: number }>,
  bindings: Array<{ anonId: string; userId: string; at: number }>,
  events: EventRow[],
  orders: OrderRow[]
): Promise<void> {
  const db = database.db
  const iso = (ms: number) => new Date(ms).toISOString()
  const userRows = users.map((u) => ({ id: u.id, openid: `o-${u.id}`, unionid: null, sessionKey: 'k', createdAt: iso(u.at), lastLoginAt: iso(u.at) }))
  const bindingRows = bindings.map((b) => ({ anonId: b.anonId, userId: b.userId, boundAt: iso(b.at) }))
  const chunks = async <T>(rows: T[], size: number, insert: (rows: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size))
  }
  await db.transaction().execute(async (trx) => {
    await chunks(userRows, 1000, (rows) => trx.insertInto('users').values(rows).execute())
    await chunks(bindingRows, 2000, (rows) => trx.insertInto('anonBindings').values(rows).execute())
    await chunks(orders, 500, (rows) => trx.insertInto('orders').values(rows).execute())
    // 19 columns a row: 1,000 rows stay under both dialects' parameter limits.
    await chunks(events, 1000, (rows) => trx.insertInto('events').values(rows).execute())
  })
}

const EVENT_COLUMNS = ['id', 'type', 'ts', 'receivedAt', 'anonId', 'userId', 'shopper', 'sessionId', 'page', 'scene', 'shareId', 'parentShareId', 'channel', 'contentSlug', 'productId', 'skuId', 'qty', 'orderId', 'totalFen', 'props'] as const

function insertEventsRaw(path: string, events: EventRow[]): void {
  const sqlite = new SQLite(path)
  try {
    sqlite.pragma('journal_mode = WAL')
    const snake = EVENT_COLUMNS.map((c) => c.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`))
    const stmt = sqlite.prepare(`INSERT INTO events (${snake.join(', ')}) VALUES (${snake.map(() => '?').join(', ')})`)
    const run = sqlite.transaction((rows: EventRow[]) => {
      for (const e of rows) stmt.run(EVENT_COLUMNS.map((c) => e[c] ?? null))
    })
    run(events)
    sqlite.exec('ANALYZE')
  } finally {
    sqlite.close()
  }
}
