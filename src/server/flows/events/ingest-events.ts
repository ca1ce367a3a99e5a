/**
 * POST /api/v1/events: validate the batch shape, then each event alone
 * (core), and store the good ones in one transaction with one INSERT, so an
 * acknowledged batch is durable as a whole and a resent batch is stored
 * once. Each event is stored with its shopper (the user its device is bound
 * to, else the anon id). With a shopper's token the batch's devices are
 * bound to that user first, as a login would, so a shopper whose app never
 * sent anonId at login is still one person.
 */
import { validateBatch, validateBatchShape, type ClientEvent } from '@core/events'
import { ok, type Result } from '@core/result'
import { insertEventsCounting, type EventRow } from '../../db/repos/event-repo'
import { lockAnonIds, usersOfAnonIds } from '../../db/repos/identity-repo'
import type { Deps } from '../../deps'
import { bindDevice } from './bind-device'

export interface IngestAnswer {
  accepted: number
  duplicates: number
  rejected: Array<{ index: number; code: string; message: string }>
}

export async function ingestEvents(
  deps: Deps,
  input: { body: unknown; byteLength?: number; userId: string | null }
): Promise<Result<IngestAnswer>> {
  const shape = validateBatchShape(input.body, input.byteLength)
  if (!shape.ok) return shape
  const now = deps.clock.now()
  const { events, rejected } = validateBatch(shape.value, { now: now.getTime() })
  if (events.length === 0) return ok({ accepted: 0, duplicates: 0, rejected })
  const receivedAt = now.toISOString()
  const clientEvents = events.map(({ event }) => event as ClientEvent)
  const anonIds = [...new Set(clientEvents.map((e) => e.anonId))]

  const inserted = await deps.db.transaction().execute(async (trx) => {
    await lockAnonIds(trx, anonIds)
    if (input.userId) {
      for (const anonId of anonIds) await bindDevice(trx, { anonId, userId: input.userId, at: now })
    }
    const bound = await usersOfAnonIds(trx, anonIds)
    const rows = clientEvents.map((e) => toRow(e, receivedAt, input.userId, bound.get(e.anonId) ?? e.anonId))
    return insertEventsCounting(trx, rows)
  })
  return ok({ accepted: inserted, duplicates: events.length - inserted, rejected })
}

function toRow(e: ClientEvent, receivedAt: string, userId: string | null, shopper: string): EventRow {
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
    props: e.props === undefined ? null : JSON.stringify(e.props)
  }
}
