/**
 * Events only the server writes: order_created, order_paid, order_shipped,
 * order_completed, order_refunded.
 * Called by the order flows inside their own transaction, so an order change
 * and its event commit together. The id is derived from the order (and the
 * refund), so a retried write is stored once.
 */
import { createHash } from 'node:crypto'
import { validateEvent, type ServerEventType } from '@core/events'
import { ID_PATTERN } from '@core/ids'
import type { Executor } from '../../db/database'
import { insertEventsCounting } from '../../db/repos/event-repo'

export interface ServerEventInput {
  type: ServerEventType
  userId: string
  orderId: string
  /** The order's total for order_created/order_paid/order_shipped/order_completed; the refunded amount for order_refunded. */
  totalFen: number
  at: Date
  /** Distinguishes several partial refunds of one order. */
  refundId?: string
  contentSlug?: string | null
  shareId?: string | null
  props?: object
}

export function serverEventId(e: Pick<ServerEventInput, 'type' | 'orderId' | 'refundId'>): string {
  const readable = [e.type, e.orderId, e.refundId].filter((p) => p !== undefined).join('_')
  // Event ids are at most 64 of [A-Za-z0-9_-]; anything else gets a stable hash.
  if (ID_PATTERN.test(readable)) return readable
  return `srv_${createHash('sha256').update(readable).digest('base64url').slice(0, 40)}`
}

export async function recordServerEvent(db: Executor, e: ServerEventInput): Promise<void> {
  const props = e.props || e.refundId ? { ...e.props, ...(e.refundId ? { refundId: e.refundId } : {}) } : undefined
  const event = {
    id: serverEventId(e),
    type: e.type,
    ts: e.at.getTime(),
    userId: e.userId,
    orderId: e.orderId,
    amountFen: e.totalFen,
    ...(e.contentSlug ? { contentSlug: e.contentSlug } : {}),
    ...(e.shareId ? { shareId: e.shareId } : {}),
    ...(props ? { props } : {})
  }
  const checked = validateEvent(event, { from: 'server' })
  // Our own order flows build these; a bad one is a bug, not a shopper's mistake.
  if (!checked.ok) throw new Error(`recordServerEvent: ${checked.error.message} (${JSON.stringify(checked.error.details)})`)
  // The events insert compiled once and reused (event-repo): it runs on every order and payment.
  await insertEventsCounting(db, [
    {
      id: event.id,
      type: event.type,
      ts: event.ts,
      receivedAt: e.at.toISOString(),
      userId: e.userId,
      shopper: e.userId,
      orderId: e.orderId,
      totalFen: e.totalFen,
      contentSlug: e.contentSlug ?? null,
      shareId: e.shareId ?? null,
      props: props ? JSON.stringify(props) : null
    }
  ])
}
