/**
 * POST /api/v1/me/subscriptions: what the shopper just allowed in
 * requestSubscribeMessage. Each acceptance allows one message of that
 * template, as WeChat counts them; keys without a configured template are
 * ignored (no message of that kind is ever sent). Credits are capped so a
 * client looping on the call cannot bank an unbounded number.
 */
import type { SubscriptionKey, SubscriptionsResponse } from '@core/contract/subscriptions'
import { addCredits, creditsOf } from '../../db/repos/subscription-repo'
import type { Deps } from '../../deps'

export const MAX_CREDITS_PER_TEMPLATE = 50

export async function recordAcceptances(deps: Deps, userId: string, accepted: readonly SubscriptionKey[]): Promise<SubscriptionsResponse['credits']> {
  const keys = [...new Set(accepted)].filter((k) => deps.config.subscribeTemplates[k] !== undefined)
  if (keys.length > 0) await addCredits(deps.db, userId, keys, MAX_CREDITS_PER_TEMPLATE, deps.clock.now().toISOString())
  return creditsOf(deps.db, userId)
}
