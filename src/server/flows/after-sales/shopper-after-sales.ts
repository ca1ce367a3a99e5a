/**
 * The shopper's own requests: POST /api/v1/after-sales/:id/cancel (withdraw
 * one still open: before the goods are back and before money moves) and
 * POST /api/v1/after-sales/:id/return-shipment (the parcel sent back after
 * a return was approved; may be corrected while staff wait for it). Another
 * shopper's request is simply not found.
 */
import type { AfterSaleDto, ReturnShipmentRequest } from '@core/contract/after-sales'
import { afterSaleTransition } from '@core/after-sale'
import { err, ok, type Result } from '@core/result'
import { carrierNameOf, findAfterSale, moveAfterSale, type AfterSaleRow } from '../../db/repos/after-sale-repo'
import type { Deps } from '../../deps'
import { afterSaleStatusOf, kindOf, toAfterSaleDto } from './after-sale-view'

async function own(deps: Deps, userId: string, id: string): Promise<Result<AfterSaleRow>> {
  const row = await findAfterSale(deps.db, id)
  return row && row.userId === userId ? ok(row) : err('AFTER_SALE_NOT_FOUND', `No after-sales request ${id}`)
}

async function reread(deps: Deps, id: string): Promise<Result<AfterSaleDto>> {
  const row = await findAfterSale(deps.db, id)
  return row ? ok(toAfterSaleDto(row)) : err('AFTER_SALE_NOT_FOUND', `No after-sales request ${id}`)
}

export async function cancelAfterSale(deps: Deps, userId: string, id: string): Promise<Result<AfterSaleDto>> {
  const mine = await own(deps, userId, id)
  if (!mine.ok) return mine
  const row = mine.value
  const next = afterSaleTransition({ kind: kindOf(row), status: afterSaleStatusOf(row) }, 'cancel')
  if (!next.ok) return next
  const at = deps.clock.now().toISOString()
  if (!(await moveAfterSale(deps.db, id, row.status, { status: next.value, updatedAt: at }))) {
    return err('CONFLICT', 'The request changed meanwhile (staff may have just decided); reload and try again')
  }
  return reread(deps, id)
}

export async function sendReturnShipment(deps: Deps, userId: string, id: string, input: ReturnShipmentRequest): Promise<Result<AfterSaleDto>> {
  const mine = await own(deps, userId, id)
  if (!mine.ok) return mine
  const row = mine.value
  const next = afterSaleTransition({ kind: kindOf(row), status: afterSaleStatusOf(row) }, 'ship_return')
  if (!next.ok) return next
  const carrierName = await carrierNameOf(deps.db, input.carrierCode)
  if (!carrierName) {
    return err('INVALID_CARRIER', `快递公司 ${input.carrierCode} 不在微信的快递公司列表中，请从列表中选择`, [{ path: 'carrierCode', message: 'not on the carrier list' }])
  }
  const at = deps.clock.now().toISOString()
  const change = {
    status: next.value,
    returnCarrierCode: input.carrierCode,
    returnCarrierName: carrierName,
    returnTrackingNo: input.trackingNo,
    returnShippedAt: at,
    updatedAt: at
  }
  if (!(await moveAfterSale(deps.db, id, row.status, change))) return err('CONFLICT', 'The request changed meanwhile; reload and try again')
  return reread(deps, id)
}
