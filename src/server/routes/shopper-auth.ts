/**
 * POST /api/v1/auth/login: `{code, anonId?}` → `{token, user:{id}}`.
 * GET /api/v1/me (addition): `{user:{id}}` for a live token, so the app can
 * check its stored token before relying on it.
 */
import { z } from 'zod'
import { isId } from '@core/ids'
import { must } from '../http/app-error'
import { requireShopper, shopperOf } from '../http/guards'
import { parseInput } from '../http/validate'
import { shopperLogin } from '../flows/shopper/shopper-login'
import type { RegisterRoutes } from './route'

const body = z.object({
  code: z.string().min(1).max(128),
  anonId: z.string().refine(isId, 'letters, digits, _ or -, at most 64').optional()
})

export const shopperAuthRoutes: RegisterRoutes = (app, deps) => {
  app.post('/api/v1/auth/login', async (request) => {
    return must(await shopperLogin(deps, parseInput(body, request.body, 'login')))
  })

  app.get('/api/v1/me', { onRequest: requireShopper(deps) }, async (request) => ({
    user: { id: shopperOf(request).userId }
  }))
}
