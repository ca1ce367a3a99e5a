/**
 * WeChat's carrier list for the ship form (admin) and the return form
 * (shopper): read from the database cache, refreshed from get_delivery_list
 * once a day. When WeChat cannot be reached the cached list is used however
 * old; with no cache at all the caller gets WECHAT_UNAVAILABLE.
 */
import type { Carrier } from '@core/contract/shipping'
import { err, ok, type Result } from '@core/result'
import { readCarriers, replaceCarriers } from '../../db/repos/carrier-repo'
import type { Deps } from '../../deps'
import { getDeliveryList } from '../../wechat/mp/trade-api'

export const CARRIERS_MAX_AGE_MS = 24 * 60 * 60_000

export async function listCarriers(deps: Deps): Promise<Result<Carrier[]>> {
  const cached = await readCarriers(deps.db)
  const now = deps.clock.now()
  const fresh = cached.fetchedAt !== null && now.getTime() - new Date(cached.fetchedAt).getTime() < CARRIERS_MAX_AGE_MS
  if (fresh && cached.items.length > 0) return ok(cached.items)
  const answer = await getDeliveryList(deps.mp)
  if (answer.ok && answer.items.length > 0) {
    await replaceCarriers(deps.db, answer.items, now.toISOString())
    return ok(answer.items)
  }
  if (cached.items.length > 0) return ok(cached.items)
  const why = answer.ok ? 'an empty list' : `${answer.errcode ?? 'no answer'} ${answer.errmsg}`
  return err('WECHAT_UNAVAILABLE', `WeChat's carrier list (get_delivery_list) could not be fetched: ${why}`)
}
