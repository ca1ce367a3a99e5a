/** POST /api/v1/auth/login: `{code, anonId?}` → `{token, user:{id}}`. */
import { z } from 'zod'
import { must } from '../http/app-error'
import { parseInput } from '../http/validate'
import { shopperLogin } from '../flows/shopper/shopper-login'
import type { RegisterRoutes } from './route'

const body = z.object({
  code: z.string().min(1).max(128),
  anonId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ or -, at most 64').optional()
})

export const shopperAuthRoutes: RegisterRoutes = (app, deps) => {
  app.post('/api/v1/auth/login', async (request) => {
    return must(await shopperLogin(deps, parseInput(body, request.body, 'login')))
  })
}
