/**
 * `POST /api/v1/me/subscriptions`: the message templates the shopper just
 * allowed in requestSubscribeMessage → messages left per configured template.
 */
import { z } from 'zod'

export const subscriptionKey = z.enum(['shipped', 'refund', 'afterSale', 'launch'])
export type SubscriptionKey = z.infer<typeof subscriptionKey>

export const subscriptionsRequest = z.object({ accepted: z.array(subscriptionKey).max(20) }).strict()
export type SubscriptionsRequest = z.infer<typeof subscriptionsRequest>

export const subscriptionsResponse = z.object({
  credits: z.record(z.string(), z.number().int()).describe('template key → messages the shop may still send')
})
export type SubscriptionsResponse = z.infer<typeof subscriptionsResponse>
