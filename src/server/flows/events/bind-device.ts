/**
 * Binds a device's anon id to a user (at login, or when a batch arrives
 * with the shopper's token) and moves the device's past events to the user,
 * so every report counts the shopper once. The first user to claim an anon
 * id keeps it (user-repo's bindAnon); a later claim changes nothing.
 * Runs inside the caller's transaction.
 */
import type { Executor } from '../../db/database'
import { rekeyAnonEvents } from '../../db/repos/event-repo'
import { lockAnonIds } from '../../db/repos/identity-repo'
import { rekeyShareFacts } from '../../db/repos/share-fact-repo'
import { bindAnon } from '../../db/repos/user-repo'

export async function bindDevice(trx: Executor, input: { anonId: string; userId: string; at: Date }): Promise<boolean> {
  await lockAnonIds(trx, [input.anonId])
  const bound = await bindAnon(trx, { anonId: input.anonId, userId: input.userId, boundAt: input.at.toISOString() })
  if (bound) await rekeyAnonEvents(trx, input.anonId, input.userId)
  if (bound) await rekeyShareFacts(trx, input.anonId, input.userId) // reports' share rollup (share-fact-repo.ts)
  return bound
}
