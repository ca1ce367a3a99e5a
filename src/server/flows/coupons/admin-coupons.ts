/**
 * Coupon templates for staff (admins only): create, list with claimed and
 * used counts, change. A change never touches coupons already claimed:
 * their window was fixed at claim time, and an order prices with the
 * template as it is when the order is placed.
 */
import type { CouponDto, CouponInput } from '@core/contract/coupons'
import { validateCouponTerms, type CouponTerms } from '@core/coupon'
import { err, ok, type Result } from '@core/result'
import { findCoupon, insertCoupon, listCoupons, updateCouponRow, usedCounts, type CouponRow } from '../../db/repos/coupon-repo'
import type { Deps } from '../../deps'
import { newId } from '../../ids'
import { recordAudit } from '../audit/record-audit'
import { toCouponDto } from './coupon-view'

function termsFrom(input: CouponInput): CouponTerms {
  return {
    title: input.title,
    kind: input.kind,
    amountOffFen: input.kind === 'amount_off' ? (input.amountOffFen ?? null) : null,
    percentOff: input.kind === 'percent_off' ? (input.percentOff ?? null) : null,
    maxOffFen: input.kind === 'percent_off' ? (input.maxOffFen ?? null) : null,
    minSpendFen: input.minSpendFen,
    productIds: input.productIds && input.productIds.length > 0 ? input.productIds : null,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    validDays: input.validDays ?? null,
    total: input.total ?? null,
    perUser: input.perUser
  }
}

function columnsOf(t: CouponTerms, at: string) {
  return {
    title: t.title,
    kind: t.kind,
    amountOffFen: t.amountOffFen ?? null,
    percentOff: t.percentOff ?? null,
    maxOffFen: t.maxOffFen ?? null,
    minSpendFen: t.minSpendFen,
    productIds: t.productIds && t.productIds.length > 0 ? JSON.stringify(t.productIds) : null,
    startsAt: new Date(t.startsAt).toISOString(),
    endsAt: new Date(t.endsAt).toISOString(),
    validDays: t.validDays ?? null,
    total: t.total ?? null,
    perUser: t.perUser,
    updatedAt: at
  }
}

export async function createCoupon(deps: Deps, staffId: string, input: CouponInput): Promise<Result<CouponDto>> {
  const checked = validateCouponTerms(termsFrom(input))
  if (!checked.ok) return checked
  const now = deps.clock.now()
  const at = now.toISOString()
  const row: CouponRow = { id: newId('cpn'), ...columnsOf(checked.value, at), claimed: 0, createdBy: staffId, createdAt: at }
  await deps.db.transaction().execute(async (trx) => {
    await insertCoupon(trx, row)
    await recordAudit(trx, now, staffId, 'coupon.create', { type: 'coupon', id: row.id }, { title: row.title })
  })
  return ok(toCouponDto(row, 0))
}

export async function updateCoupon(deps: Deps, staffId: string, id: string, input: CouponInput): Promise<Result<CouponDto>> {
  const checked = validateCouponTerms(termsFrom(input))
  if (!checked.ok) return checked
  const existing = await findCoupon(deps.db, id)
  if (!existing) return err('COUPON_NOT_FOUND', `No coupon ${id}`)
  if (checked.value.total != null && checked.value.total < existing.claimed) {
    return err('INVALID_COUPON', `已领取 ${existing.claimed} 张，发放总量不能更少`, [{ path: 'total', message: `已领取 ${existing.claimed} 张，发放总量不能更少` }])
  }
  const now = deps.clock.now()
  await deps.db.transaction().execute(async (trx) => {
    await updateCouponRow(trx, id, columnsOf(checked.value, now.toISOString()))
    await recordAudit(trx, now, staffId, 'coupon.update', { type: 'coupon', id }, { title: checked.value.title })
  })
  const row = await findCoupon(deps.db, id)
  const used = await usedCounts(deps.db, [id])
  return ok(toCouponDto(row as CouponRow, used.get(id) ?? 0))
}

export async function listCouponDtos(deps: Deps): Promise<CouponDto[]> {
  const rows = await listCoupons(deps.db)
  const used = await usedCounts(deps.db, rows.map((r) => r.id))
  return rows.map((r) => toCouponDto(r, used.get(r.id) ?? 0))
}
