/**
 * POST /api/admin/orders/:id/ship: core checks the request against the
 * order and what already shipped; in ONE transaction the parcels are
 * stored, the order moves (paid → shipped once everything is on its way),
 * and the WeChat upload is queued in the outbox (plus set_msg_jump_path
 * once per shop, and the shopper's subscription message on the first
 * parcel). A kill -9 after the commit delays the upload, never loses it.
 * The carrier list (a WeChat call) is read before the transaction.
 */
import type { LogisticsType, ShipRequest } from '@core/contract/shipping'
import { transition, shipRefusal } from '@core/order'
import { err, ok, type Result } from '@core/result'
import { validateShipRequest } from '@core/shipping'
import type { Executor } from '../../db/database'
import { findBuyerOpenid, findOrder, markShipping, type OrderRow } from '../../db/repos/order-repo'
import { insertShipment, shipmentsOfOrder } from '../../db/repos/shipment-repo'
import { supersedePending } from '../../db/repos/wechat-task-repo'
import type { Deps } from '../../deps'
import { newId } from '../../ids'
import { recordAudit } from '../audit/record-audit'
import { recordServerEvent } from '../events/record-server-event'
import { statusOf } from '../orders/order-view'
import { Rollback } from '../orders/rollback'
import { enqueueWechatTask } from '../outbox/enqueue'
import { queueShippedMessage } from '../subscriptions/order-messages'
import { listCarriers } from './carriers'
import { uploadBody } from './upload-body'
import { ORDER_PAGE_PATH } from './order-page'

export interface Shipped {
  orderId: string
  allDelivered: boolean
  shipmentIds: string[]
}

async function lockOrder(deps: Deps, trx: Executor, id: string): Promise<OrderRow | undefined> {
  const q = trx.selectFrom('orders').selectAll().where('id', '=', id)
  // NOTE: SQLite has no FOR UPDATE; its transaction already holds the database's one write lock.
  return deps.database.dialect === 'postgres' ? q.forUpdate().executeTakeFirst() : q.executeTakeFirst()
}

export async function shipOrder(deps: Deps, staffId: string | null, orderId: string, req: ShipRequest): Promise<Result<Shipped>> {
  const before = await findOrder(deps.db, orderId)
  if (!before) return err('ORDER_NOT_FOUND', `No order ${orderId}`)
  const refusal = shipRefusal(statusOf(before))
  if (refusal) {
    return err(refusal, refusal === 'ORDER_NOT_PAID' ? 'This order is not paid yet' : `This order is ${before.status}; only paid orders waiting for shipping can be shipped`, {
      status: before.status
    })
  }
  const needsList = req.logisticsType === 'express' || (req.parcels ?? []).some((p) => p.carrierCode)
  const carriers = needsList ? await listCarriers(deps) : ok([])
  if (!carriers.ok) return carriers
  const names = new Map(carriers.value.map((c) => [c.code, c.name]))
  const now = deps.clock.now()
  const at = now.toISOString()

  try {
    const shipped = await deps.db.transaction().execute(async (trx) => {
      const order = await lockOrder(deps, trx, orderId)
      if (!order) throw new Rollback(err('ORDER_NOT_FOUND', `No order ${orderId}`))
      const previous = await shipmentsOfOrder(trx, orderId)
      const plan = validateShipRequest(
        {
          status: statusOf(order),
          items: (JSON.parse(order.items) as Array<{ skuId: string; qty: number }>).map((i) => ({ skuId: i.skuId, qty: i.qty })),
          shipped: previous.map((s) => ({ logisticsType: s.logisticsType as LogisticsType, items: s.items })),
          carrierCodes: new Set(names.keys())
        },
        req
      )
      if (!plan.ok) throw new Rollback(plan)
      const next = transition(
        { status: 'paid', totalFen: order.totalFen, refundedFen: order.refundedFen },
        'ship',
        { allDelivered: plan.value.allDelivered }
      )
      if (!next.ok) throw new Rollback(next)

      const shipmentIds: string[] = []
      for (const p of plan.value.parcels) {
        const id = newId('shp')
        shipmentIds.push(id)
        await insertShipment(
          trx,
          {
            id,
            orderId,
            logisticsType: plan.value.logisticsType,
            carrierCode: p.carrierCode ?? null,
            carrierName: p.carrierCode ? (names.get(p.carrierCode) ?? p.carrierCode) : null,
            trackingNo: p.trackingNo ?? null,
            shippedAt: at,
            createdBy: staffId
          },
          p.items
        )
      }
      const moved = await markShipping(trx, orderId, {
        status: next.value.status,
        shippedAt: plan.value.allDelivered ? at : null,
        logisticsType: plan.value.logisticsType,
        updatedAt: at
      })
      if (!moved) throw new Rollback(err('ORDER_NOT_SHIPPABLE', 'The order changed while shipping; reload it and try again'))

      await queueUpload(deps, trx, order, { logisticsType: plan.value.logisticsType, allDelivered: plan.value.allDelivered, now, previous, parcels: plan.value.parcels })
      if (previous.length === 0) {
        const first = plan.value.parcels[0]!
        await queueShippedMessage(deps, trx, { order, carrierName: first.carrierCode ? (names.get(first.carrierCode) ?? null) : null, trackingNo: first.trackingNo ?? null, shippedAt: now })
      }
      if (plan.value.allDelivered) {
        await recordServerEvent(trx, {
          type: 'order_shipped',
          userId: order.userId,
          orderId,
          totalFen: order.totalFen,
          at: now,
          contentSlug: order.attrContentSlug,
          shareId: order.attrShareId,
          props: { parcels: previous.length + plan.value.parcels.length, logisticsType: plan.value.logisticsType }
        })
      }
      await recordAudit(trx, now, staffId, 'order.ship', { type: 'order', id: orderId }, {
        logisticsType: plan.value.logisticsType,
        parcels: plan.value.parcels.map((p) => ({ carrierCode: p.carrierCode ?? null, trackingNo: p.trackingNo ?? null, items: p.items })),
        allDelivered: plan.value.allDelivered
      })
      return { orderId, allDelivered: plan.value.allDelivered, shipmentIds }
    })
    return ok(shipped)
  } catch (e) {
    if (e instanceof Rollback) return e.result
    throw e
  }
}

async function queueUpload(
  deps: Deps,
  trx: Executor,
  order: OrderRow,
  v: {
    logisticsType: LogisticsType
    allDelivered: boolean
    now: Date
    previous: Array<{ carrierCode: string | null; trackingNo: string | null; items: Array<{ skuId: string; qty: number }> }>
    parcels: Array<{ carrierCode?: string; trackingNo?: string; items: Array<{ skuId: string; qty: number }> }>
  }
): Promise<void> {
  const openid = await findBuyerOpenid(trx, order.userId)
  if (!openid) throw new Error(`order ${order.id}: its buyer ${order.userId} has no openid`)
  const body = uploadBody(order, {
    openid,
    mchId: deps.config.wechatPay?.mchId ?? null,
    logisticsType: v.logisticsType,
    allDelivered: v.allDelivered,
    at: v.now,
    parcels: [
      ...v.previous.map((p) => ({ carrierCode: p.carrierCode, trackingNo: p.trackingNo, items: p.items })),
      ...v.parcels.map((p) => ({ carrierCode: p.carrierCode ?? null, trackingNo: p.trackingNo ?? null, items: p.items }))
    ]
  })
  // No transaction id and no merchant id: this order was not paid through WeChat Pay, so WeChat has nothing to hear.
  if (!body) return
  const id = await enqueueWechatTask(trx, { kind: 'upload_shipping_info', orderId: order.id, payload: body, now: v.now })
  // The new upload repeats every parcel, so an earlier one still waiting is redundant (and would carry an older upload_time).
  if (id) await supersedePending(trx, order.id, 'upload_shipping_info', id, v.now.toISOString())
  await enqueueWechatTask(trx, {
    kind: 'set_msg_jump_path',
    orderId: null,
    payload: { path: ORDER_PAGE_PATH },
    now: v.now,
    dedupeKey: `set_msg_jump_path:${ORDER_PAGE_PATH}`
  })
}
