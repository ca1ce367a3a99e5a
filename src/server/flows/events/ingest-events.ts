/**
 * POST /api/v1/events: validate the batch shape, then each event alone
 * (core), and store the good ones in one transaction with one INSERT, so an
 * acknowledged batch is durable as a whole and a resent batch is stored
 * once. With a shopper's token the events carry the user id and the batch's
 * anon ids are bound to that user (as a login would), so a shopper who
 * logged in on an app that never sent anonId at login is still one person.
 */
import { validateBatch, validateBatchShape, type ClientEvent } from '@core/events'
import { ok, type Result } from '@core/result'
import { insertEventsReturningIds, type EventRow } from '../../db/repos/event-repo'
import { bindAnon } from '../../db/repos/user-repo'
import type { Deps } from '../../deps'

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
  const receivedAt = now.toISOString()
  const rows = events.map(({ event }) => toRow(event as ClientEvent, receivedAt, input.userId))
  const anonIds = [...new Set(rows.map((r) => r.anonId as string))]

  const inserted = await deps.db.transaction().execute(async (trx) => {
    const ids = await insertEventsReturningIds(trx, rows)
    if (input.userId) {
      for (const anonId of anonIds) await bindAnon(trx, { anonId, userId: input.userId, boundAt: receivedAt })
    }
    return ids.length
  })
  return ok({ accepted: inserted, duplicates: rows.length - inserted, rejected })
}

function toRow(e: ClientEvent, receivedAt: string, userId: string | null): EventRow {
  return {
    id: e.id,
    type: e.type,
    ts: e.ts,
    receivedAt,
    anonId: e.anonId,
    userId,
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
