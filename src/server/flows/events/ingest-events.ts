/**
 * POST /api/v1/events: validate the batch shape, then each event alone
 * (core), and store the good ones in one transaction, so an acknowledged
 * batch is durable as a whole and a resent batch is stored once. Batches
 * that arrive while a write is under way share the next transaction (group
 * commit, group-commit.ts); each is answered after that commit. Each event is stored with its shopper (the user its device is bound
 * to, else the anon id). With a shopper's token the batch's devices are
 * bound to that user first, as a login would, so a shopper whose app never
 * sent anonId at login is still one person.
 * A `share` event claims its shareId for its shopper when nobody owns it yet
 * (share_owners, by the server's clock: the first batch to commit wins); a
 * `share` event with an id someone else owns is rejected (SHARE_ID_TAKEN),
 * whatever its client `ts`, so nobody can take over another's orders and
 * report rows by re-announcing their id.
 */
import type { EventsResponse } from '@core/contract/events'
import { validateBatch, validateBatchShape, type ClientEvent } from '@core/events'
import { ok, type Result } from '@core/result'
import { insertEventsCounting, usersOfAnonIdsSqlite, type EventRow } from '../../db/repos/event-repo'
import { lockAnonIds, usersOfAnonIds } from '../../db/repos/identity-repo'
import { claimShareIds, findShareOwners } from '../../db/repos/share-owner-repo'
import { recordShareFacts } from '../../db/repos/share-fact-repo'
import type { Executor } from '../../db/database'
import type { Deps } from '../../deps'
import { bindDevice } from './bind-device'
import { GroupCommit } from './group-commit'

// One queue per database (several apps may share a process: tests, the bench).
const committers = new WeakMap<object, GroupCommit>()

/** Transactions and batches written so far by this database's ingest (the bench prints them). */
export function ingestCommitStats(deps: Deps): GroupCommit['stats'] {
  return groupCommitOf(deps).stats
}

function groupCommitOf(deps: Deps): GroupCommit {
  let committer = committers.get(deps.db)
  if (!committer) {
    committer = new GroupCommit(deps.db, lockAnonIds, { concurrency: deps.database.dialect === 'postgres' ? 4 : 1 })
    committers.set(deps.db, committer)
  }
  return committer
}

type Kept = { index: number; event: unknown; propsJson?: string | null }

export async function ingestEvents(
  deps: Deps,
  input: { body: unknown; byteLength?: number; userId: string | null }
): Promise<Result<EventsResponse>> {
  const shape = validateBatchShape(input.body, input.byteLength)
  if (!shape.ok) return shape
  const now = deps.clock.now()
  const { events, rejected } = validateBatch(shape.value, { now: now.getTime() })
  if (events.length === 0) return ok({ accepted: 0, duplicates: 0, rejected })
  const anonIds = [...new Set(events.map(({ event }) => (event as ClientEvent).anonId))]

  // Written in a transaction shared with the batches that arrived beside it (group-commit.ts);
  // answered only once that transaction has committed.
  const { inserted, taken } = await groupCommitOf(deps).run(anonIds, (trx) =>
    writeBatch(deps, trx, { events, anonIds, userId: input.userId, now })
  )
  const refused = [...taken].map((index) => ({
    index,
    code: 'SHARE_ID_TAKEN' as const,
    message: 'this shareId belongs to another shopper; make a new one for your own share'
  }))
  return ok({
    accepted: inserted,
    duplicates: events.length - taken.size - inserted,
    rejected: refused.length === 0 ? rejected : [...rejected, ...refused].sort((a, b) => a.index - b.index)
  })
}

/**
 * The write path of one batch, inside the group's transaction: bind the
 * batch's devices to the shopper's user (with a token), learn who each
 * device's shopper is, claim the batch's new shareIds, then store the rows.
 * Anything else a batch must maintain as it is written goes here, after the
 * rows, in this same transaction.
 */
async function writeBatch(
  deps: Deps,
  trx: Executor,
  b: { events: readonly Kept[]; anonIds: readonly string[]; userId: string | null; now: Date }
): Promise<{ inserted: number; taken: Set<number> }> {
  const receivedAt = b.now.toISOString()
  const sqlite = deps.database.sqlite
  if (b.userId) {
    for (const anonId of b.anonIds) await bindDevice(trx, { anonId, userId: b.userId, at: b.now })
  }
  const bound = sqlite ? usersOfAnonIdsSqlite(sqlite, b.anonIds) : await usersOfAnonIds(trx, b.anonIds)
  const shopperOf = (e: ClientEvent) => bound.get(e.anonId) ?? e.anonId
  const taken = await sharesTakenByOthers(trx, b.events, shopperOf, receivedAt)
  const rows: EventRow[] = []
  for (const { index, event, propsJson } of b.events) {
    if (taken.size > 0 && taken.has(index)) continue
    const e = event as ClientEvent
    rows.push(toRow(e, propsJson, receivedAt, b.userId, shopperOf(e)))
  }
  const inserted = await insertEventsCounting(trx, rows, sqlite)
  await recordShareFacts(trx, rows) // the reports' share rollup (share-fact-repo.ts), in the same transaction
  return { inserted, taken }
}

/** Claims the batch's new shareIds and answers the indexes of `share` events whose id another shopper owns. */
async function sharesTakenByOthers(
  trx: Executor,
  events: ReadonlyArray<{ index: number; event: unknown }>,
  shopperOf: (e: ClientEvent) => string,
  claimedAt: string
): Promise<Set<number>> {
  const shares = events.flatMap(({ index, event }) => {
    const e = event as ClientEvent
    return e.type === 'share' && e.shareId ? [{ index, e, shareId: e.shareId }] : []
  })
  const taken = new Set<number>()
  if (shares.length === 0) return taken
  await claimShareIds(trx, shares.map(({ e, shareId }) => ({ shareId, anonId: e.anonId, shopper: shopperOf(e), claimedAt })))
  const owners = await findShareOwners(trx, shares.map((s) => s.shareId))
  // The owner may have logged in since (their anon id now bound to a user): compare as shoppers are now.
  const ownerAnons = [...owners.values()].flatMap((o) => (o.anonId ? [o.anonId] : []))
  const ownersBound = await usersOfAnonIds(trx, ownerAnons)
  for (const { index, e, shareId } of shares) {
    const owner = owners.get(shareId)
    if (!owner) continue
    const ownerNow = (owner.anonId ? ownersBound.get(owner.anonId) : undefined) ?? owner.shopper
    const mine = owner.anonId === e.anonId || ownerNow === shopperOf(e) || owner.shopper === shopperOf(e)
    if (!mine) taken.add(index)
  }
  return taken
}

/** The stored row; props as the JSON validation already wrote when it did (propsJson), else written now. */
function toRow(e: ClientEvent, propsJson: string | null | undefined, receivedAt: string, userId: string | null, shopper: string): EventRow {
  return {
    id: e.id,
    type: e.type,
    ts: e.ts,
    receivedAt,
    anonId: e.anonId,
    userId,
    shopper,
    sessionId: e.sessionId,
    page: e.page ?? null,
    scene: e.scene ?? null,
    shareId: e.shareId ?? null,
    parentShareId: e.parentShareId ?? null,
    channel: e.channel ?? null,
    contentSlug: e.contentSlug ?? null,
    productId: e.productId ?? null,
    skuId: e.skuId ?? null,
    qty: e.qty ?? null,
    orderId: null,
    totalFen: null,
    props: propsJson !== undefined ? propsJson : e.props === undefined ? null : JSON.stringify(e.props),
    campaignCode: e.campaignCode ?? null
  }
}
