/**
 * 开售提醒: a shopper asks to be told when a product launches. The app
 * first asks WeChat for the `launch` template (requestSubscribeMessage) and
 * reports it (POST /api/v1/me/subscriptions), then registers the reminder
 * here, naming the product and the page it was asked on. One reminder per
 * shopper and product: asking again answers the first one. The sharer is
 * the server's own attribution (the shopper's last open of someone else's
 * share in 7 days, as for orders), never the client's word; the channel is
 * the app's hint. A reminder is only taken for a product whose launch is
 * still to come (else 409 NOT_ON_SALE would be wrong: it is on sale, so
 * the answer is 409 CONFLICT, nothing to remind of).
 */
import type { LaunchReminderDto, LaunchReminderRequest } from '@core/contract/launch'
import { err, ok, type Result } from '@core/result'
import { findProductRows } from '../../db/repos/product-repo'
import { findReminder, insertReminder, launchTimesOf, remindersOfUser, type LaunchReminderRow } from '../../db/repos/launch-repo'
import type { Deps } from '../../deps'
import { newId } from '../../ids'
import { attributeOrder } from '../attribution/attribute-order'

function toDto(row: LaunchReminderRow, launchAt: string | undefined): LaunchReminderDto {
  return {
    id: row.id,
    productId: row.productId,
    contentSlug: row.contentSlug,
    launchAt: launchAt ?? null,
    createdAt: row.createdAt,
    sentAt: row.sentAt
  }
}

export async function registerReminder(
  deps: Deps,
  userId: string,
  input: LaunchReminderRequest
): Promise<Result<{ reminder: LaunchReminderDto; created: boolean }>> {
  const now = deps.clock.now()
  const [product] = await findProductRows(deps.db, [input.productId])
  if (!product) return err('PRODUCT_NOT_FOUND', `No product ${input.productId}`)
  const launchAt = (await launchTimesOf(deps.db, [input.productId])).get(input.productId)
  const earlier = await findReminder(deps.db, userId, input.productId)
  if (earlier) return ok({ reminder: toDto(earlier, launchAt), created: false })
  if (!launchAt || launchAt <= now.toISOString()) {
    return err('CONFLICT', '这件商品没有待开售的时间，无需开售提醒', { productId: input.productId, launchAt: launchAt ?? null })
  }
  const attribution = await attributeOrder(deps.db, { userId, at: now })
  const row: LaunchReminderRow = {
    id: newId('lr'),
    userId,
    productId: input.productId,
    contentSlug: input.contentSlug ?? null,
    shareId: attribution.shareId,
    sharerUserId: attribution.sharerUserId,
    channel: input.channel ?? null,
    createdAt: now.toISOString(),
    sentAt: null,
    outcome: null
  }
  if (!(await insertReminder(deps.db, row))) {
    // Two requests raced: answer the one that was stored.
    const winner = await findReminder(deps.db, userId, input.productId)
    if (winner) return ok({ reminder: toDto(winner, launchAt), created: false })
  }
  return ok({ reminder: toDto(row, launchAt), created: true })
}

export async function myReminders(deps: Deps, userId: string): Promise<LaunchReminderDto[]> {
  const rows = await remindersOfUser(deps.db, userId)
  const times = await launchTimesOf(deps.db, rows.map((r) => r.productId))
  return rows.map((r) => toDto(r, times.get(r.productId)))
}
