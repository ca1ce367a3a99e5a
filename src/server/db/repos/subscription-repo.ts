/**
 * Subscription-message credits: one per acceptance in the shopper's
 * requestSubscribeMessage, per user and template key, as WeChat counts
 * them. Taking one is a conditional UPDATE (credits > 0), so two messages
 * racing for the last credit cannot both get it.
 */
import { sql } from 'kysely'
import type { Executor } from '../database'

/** Adds one credit to each key, never past `cap`. */
export async function addCredits(db: Executor, userId: string, keys: readonly string[], cap: number, at: string): Promise<void> {
  for (const templateKey of keys) {
    await db
      .insertInto('subscriptionCredits')
      .values({ userId, templateKey, credits: 1, updatedAt: at })
      .onConflict((oc) =>
        oc.columns(['userId', 'templateKey']).doUpdateSet({
          credits: sql<number>`CASE WHEN subscription_credits.credits >= ${cap} THEN ${cap} ELSE subscription_credits.credits + 1 END`,
          updatedAt: at
        })
      )
      .execute()
  }
}

/** Takes one credit; false when none is left. */
export async function takeCredit(db: Executor, userId: string, templateKey: string, at: string): Promise<boolean> {
  const res = await db
    .updateTable('subscriptionCredits')
    .set({ credits: sql<number>`credits - 1`, updatedAt: at })
    .where('userId', '=', userId)
    .where('templateKey', '=', templateKey)
    .where('credits', '>', 0)
    .executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}

export async function creditsOf(db: Executor, userId: string): Promise<Record<string, number>> {
  const rows = await db.selectFrom('subscriptionCredits').select(['templateKey', 'credits']).where('userId', '=', userId).execute()
  return Object.fromEntries(rows.map((r) => [r.templateKey, Number(r.credits)]))
}
