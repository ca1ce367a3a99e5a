/** rate_counters (migration 0010): the database as the shared store of SharedRateCounter. */
import type { Executor } from '../database'
import type { CounterDelta, CounterStore } from '../../limits/shared-rate-counter'

const CHUNK = 500

export async function addToRateCounters(
  db: Executor,
  deltas: readonly CounterDelta[]
): Promise<Array<{ key: string; windowStart: number; total: number }>> {
  const out: Array<{ key: string; windowStart: number; total: number }> = []
  for (let i = 0; i < deltas.length; i += CHUNK) {
    const rows = await db
      .insertInto('rateCounters')
      .values(deltas.slice(i, i + CHUNK).map((d) => ({ key: d.key, windowStart: d.windowStart, count: d.delta })))
      .onConflict((oc) =>
        oc.columns(['key', 'windowStart']).doUpdateSet((eb) => ({ count: eb('rateCounters.count', '+', eb.ref('excluded.count')) }))
      )
      .returning(['key', 'windowStart', 'count'])
      .execute()
    for (const r of rows) out.push({ key: r.key, windowStart: Number(r.windowStart), total: Number(r.count) })
  }
  return out
}

export async function pruneRateCounters(db: Executor, beforeWindowStart: number): Promise<void> {
  await db.deleteFrom('rateCounters').where('windowStart', '<', beforeWindowStart).execute()
}

export function databaseCounterStore(db: Executor): CounterStore {
  return { add: (deltas) => addToRateCounters(db, deltas), prune: (before) => pruneRateCounters(db, before) }
}
