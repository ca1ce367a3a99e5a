/**
 * POST /api/v1/orders/:id/after-sales: the shopper asks for a refund or a
 * return. Core's rules decide (kinds by order status, the window after
 * completion, the refundable amount, one open request); photos must be the
 * shop's own uploads; named lines must be on the order. When the shop lets
 * paid, unshipped orders be refunded on request alone, the request is
 * approved and paid out at once (the goods never left, so they go back on
 * sale when the whole order is refunded or the lines are named).
 */
import type { AfterSaleDto, AfterSaleRequest } from '@core/contract/after-sales'
import { checkNewAfterSale, shouldAutoApprove } from '@core/after-sale-rules'
import { afterSaleTransition } from '@core/after-sale'
import { err, ok, type Result } from '@core/result'
import { findAfterSale, insertAfterSale, moveAfterSale, parcelsSentOf, type AfterSaleRow } from '../../db/repos/after-sale-repo'
import { findOrder, type OrderRow } from '../../db/repos/order-repo'
import { knownMediaFiles } from '../../db/repos/shopper-upload-repo'
import type { Deps } from '../../deps'
import { newId } from '../../ids'
import { itemsOf } from '../orders/order-view'
import { Rollback } from '../orders/rollback'
import { loadShopSettings } from '../settings/shop-settings'
import { toAfterSaleDto } from './after-sale-view'
import { afterSaleFactsOf, orderInAfterSales } from './order-facts'
import { sendAfterSaleRefund, startPayOut } from './pay-out'
import { restockAfterSale } from './restock'

const MEDIA_NAME = /\/media\/([0-9a-f]{32}\.(?:jpg|png|webp))$/

/** Our own media URLs only, stored absolute as the upload answered them. */
async function checkImages(deps: Deps, images: readonly string[]): Promise<Result<string[]>> {
  const base = deps.config.publicBaseUrl
  const names: string[] = []
  for (const [i, url] of images.entries()) {
    const name = MEDIA_NAME.exec(url)?.[1]
    const ours = url.startsWith('/media/') || url.startsWith(`${base}/media/`)
    if (!name || !ours) return err('INVALID_AFTER_SALE', '图片须通过本店上传', [{ path: `images.${i}`, message: 'not an upload of this shop' }])
    names.push(name)
  }
  const known = await knownMediaFiles(deps.db, names)
  const missing = names.findIndex((n) => !known.has(n))
  if (missing >= 0) return err('INVALID_AFTER_SALE', '图片未上传成功，请重新上传', [{ path: `images.${missing}`, message: 'no such upload' }])
  return ok([...new Set(names)].map((n) => `${base}/media/${n}`))
}

function checkLines(order: OrderRow, input: AfterSaleRequest): Result<void> {
  if (!input.items) return ok(undefined)
  const ordered = new Map(itemsOf(order).map((i) => [i.skuId, i.qty]))
  for (const [i, line] of input.items.entries()) {
    const qty = ordered.get(line.skuId)
    if (qty === undefined || line.qty > qty) {
      return err('INVALID_AFTER_SALE', '所选商品不在此订单中或数量超过购买数量', [{ path: `items.${i}`, message: `order has ${qty ?? 0} of ${line.skuId}` }])
    }
  }
  return ok(undefined)
}

export async function requestAfterSale(deps: Deps, userId: string, orderId: string, input: AfterSaleRequest): Promise<Result<AfterSaleDto>> {
  const order = await findOrder(deps.db, orderId)
  if (!order || order.userId !== userId) return err('ORDER_NOT_FOUND', `No order ${orderId}`)
  const images = await checkImages(deps, input.images ?? [])
  if (!images.ok) return images
  const lines = checkLines(order, input)
  if (!lines.ok) return lines
  const now = deps.clock.now()
  const checked = checkNewAfterSale(afterSaleFactsOf(order), input, {
    hasOpenRequest: await orderInAfterSales(deps.db, orderId),
    now: now.toISOString(),
    afterSaleDays: deps.config.afterSaleDays
  })
  if (!checked.ok) return checked
  const at = now.toISOString()
  const row: AfterSaleRow = {
    id: newId('afs'),
    orderId,
    userId,
    kind: input.kind,
    status: 'requested',
    reason: input.reason,
    amountFen: input.amountFen,
    note: input.note ?? null,
    images: JSON.stringify(images.value),
    items: input.items ? JSON.stringify(input.items) : null,
    rejectReason: null,
    restock: null,
    returnCarrierCode: null,
    returnCarrierName: null,
    returnTrackingNo: null,
    returnShippedAt: null,
    receivedAt: null,
    restockedItems: null,
    restockedAt: null,
    refundId: null,
    autoApproved: 0,
    decidedBy: null,
    decidedAt: null,
    createdAt: at,
    updatedAt: at
  }
  const auto =
    deps.pay !== null &&
    shouldAutoApprove(await loadShopSettings(deps.db), { status: afterSaleFactsOf(order).status, parcelsSent: await parcelsSentOf(deps.db, orderId) }, input.kind)
  let payOut
  try {
    payOut = await deps.db.transaction().execute(async (trx) => {
      if (!(await insertAfterSale(trx, row))) {
        throw new Rollback(err('AFTER_SALE_OPEN', 'this order already has an open after-sales request; wait for it or withdraw it'))
      }
      if (!auto) return null
      const approved = afterSaleTransition({ kind: input.kind, status: 'requested' }, 'approve')
      if (!approved.ok) throw new Rollback(approved)
      const restock = input.items !== undefined || input.amountFen === checked.value.refundableFen
      await moveAfterSale(trx, row.id, 'requested', { status: approved.value, restock: restock ? 1 : 0, autoApproved: 1, decidedAt: at, updatedAt: at })
      if (restock) await restockAfterSale(trx, row, order, now)
      const started = await startPayOut(trx, row, approved.value, { staffId: null, now })
      if (!started.ok) throw new Rollback(started)
      return started.value
    })
  } catch (e) {
    if (e instanceof Rollback) return e.result
    throw e
  }
  if (payOut) await sendAfterSaleRefund(deps, payOut.refund, payOut.order)
  const stored = await findAfterSale(deps.db, row.id)
  if (!stored) throw new Error(`after-sale ${row.id} vanished`)
  return ok(toAfterSaleDto(stored))
}
