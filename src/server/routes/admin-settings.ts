/** GET/PUT /api/admin/settings {afterSaleAutoApprove} → {settings}, admins only. */
import { errorResponses } from '@core/contract/common'
import { settingsRequest, settingsResponse } from '@core/contract/settings'
import { requireStaff, staffOf } from '../http/guards'
import { loadShopSettings, updateShopSettings } from '../flows/settings/shop-settings'
import type { RegisterRoutes } from './route'

const tags = ['staff: settings']
const security = [{ staff: [] }]

export const adminSettingsRoutes: RegisterRoutes = (app, deps) => {
  const onRequest = requireStaff(deps, 'admin')

  app.get('/api/admin/settings', { onRequest, schema: { tags, security, response: { 200: settingsResponse, ...errorResponses } } }, async () => ({
    settings: await loadShopSettings(deps.db)
  }))

  app.put(
    '/api/admin/settings',
    { onRequest, schema: { tags, security, body: settingsRequest, response: { 200: settingsResponse, ...errorResponses } } },
    async (request) => ({ settings: await updateShopSettings(deps, staffOf(request).id, request.body) })
  )
}
