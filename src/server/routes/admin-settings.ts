/** GET/PUT /api/admin/settings {afterSaleAutoApprove} → {settings}, admins only. */
import { z } from 'zod'
import { requireStaff, staffOf } from '../http/guards'
import { parseInput } from '../http/validate'
import { loadShopSettings, updateShopSettings } from '../flows/settings/shop-settings'
import type { RegisterRoutes } from './route'

const settingsBody = z.object({ afterSaleAutoApprove: z.boolean().optional() }).strict()

export const adminSettingsRoutes: RegisterRoutes = (app, deps) => {
  const admin = { onRequest: requireStaff(deps, 'admin') }

  app.get('/api/admin/settings', admin, async () => ({ settings: await loadShopSettings(deps.db) }))

  app.put('/api/admin/settings', admin, async (request) => {
    const change = parseInput(settingsBody, request.body, 'settings')
    return { settings: await updateShopSettings(deps, staffOf(request).id, change) }
  })
}
