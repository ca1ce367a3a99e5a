/**
 * Job leases: one row per job name. An instance runs a job only while it
 * holds the lease; it renews on every tick, and another instance takes over
 * once the lease has expired (the holder died). The conditional UPDATE is
 * atomic on both dialects, so two instances never both win.
 */
import type { Executor } from '../database'

export async function tryAcquireLease(
  db: Executor,
  lease: { name: string; holder: string; nowIso: string; expiresIso: string }
): Promise<boolean> {
  await db
    .insertInto('jobLeases')
    .values({ name: lease.name, holder: '', expiresAt: '' })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute()
  const res = await db
    .updateTable('jobLeases')
    .set({ holder: lease.holder, expiresAt: lease.expiresIso })
    .where('name', '=', lease.name)
    .where((eb) => eb.or([eb('holder', '=', lease.holder), eb('expiresAt', '<=', lease.nowIso)]))
    .executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}

export async function releaseLease(db: Executor, name: string, holder: string): Promise<void> {
  await db.updateTable('jobLeases').set({ expiresAt: '' }).where('name', '=', name).where('holder', '=', holder).execute()
}
