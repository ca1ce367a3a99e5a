/**
 * GET/PUT /api/admin/settings: shop-wide switches staff may flip. Stored one
 * row per key; a key never written reads as its default, so a new setting
 * needs no migration.
 */
import type { ShopSettings } from '@core/contract/settings'
import type { Executor } from '../../db/database'
import { readSettings, writeSetting } from '../../db/repos/settings-repo'
import type { Deps } from '../../deps'
import { recordAudit } from '../audit/record-audit'

export const DEFAULT_SETTINGS: ShopSettings = { afterSaleAutoApprove: false }

export async function loadShopSettings(db: Executor): Promise<ShopSettings> {
  const stored = await readSettings(db)
  const out: ShopSettings = { ...DEFAULT_SETTINGS }
  for (const key of Object.keys(DEFAULT_SETTINGS) as Array<keyof ShopSettings>) {
    const raw = stored[key]
    if (raw === undefined) continue
    const value: unknown = JSON.parse(raw)
    if (typeof value !== typeof DEFAULT_SETTINGS[key]) throw new Error(`shop setting ${key} holds ${raw}, not a ${typeof DEFAULT_SETTINGS[key]}`)
    out[key] = value as never
  }
  return out
}

export async function updateShopSettings(deps: Deps, staffId: string, change: Partial<ShopSettings>): Promise<ShopSettings> {
  const now = deps.clock.now()
  await deps.db.transaction().execute(async (trx) => {
    for (const [key, value] of Object.entries(change)) {
      if (value === undefined) continue
      await writeSetting(trx, key, JSON.stringify(value), staffId, now.toISOString())
    }
    await recordAudit(trx, now, staffId, 'settings.update', { type: 'settings', id: 'shop' }, change)
  })
  return loadShopSettings(deps.db)
}
