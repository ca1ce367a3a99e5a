/**
 * POST /api/v1/auth/login: `{code, anonId?}` → `{token, user:{id}}`.
 * GET /api/v1/me (addition): `{user:{id}}` for a live token, so the app can
 * check its stored token before relying on it.
 */
import { loginRequest, loginResponse, meResponse } from '@core/contract/auth'
import { errorResponses } from '@core/contract/common'
import { must } from '../http/app-error'
import { requireShopper, shopperOf } from '../http/guards'
import { shopperLogin } from '../flows/shopper/shopper-login'
import type { RegisterRoutes } from './route'

const tags = ['shopper: login']

export const shopperAuthRoutes: RegisterRoutes = (app, deps) => {
  app.post('/api/v1/auth/login', { schema: { tags, body: loginRequest, response: { 200: loginResponse, ...errorResponses } } }, async (request) =>
    must(await shopperLogin(deps, request.body))
  )

  app.get(
    '/api/v1/me',
    { onRequest: requireShopper(deps), schema: { tags, security: [{ shopper: [] }], response: { 200: meResponse, ...errorResponses } } },
    async (request) => ({ user: { id: shopperOf(request).userId } })
  )
}
