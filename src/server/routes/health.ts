/** GET /healthz: 200 when the database answers a query, 503 DB_UNAVAILABLE otherwise. */
import { sql } from 'kysely'
import { errorResponses } from '@core/contract/common'
import { healthResponse } from '@core/contract/health'
import { AppError } from '../http/app-error'
import type { RegisterRoutes } from './route'

export const healthRoutes: RegisterRoutes = (app, deps) => {
  app.get('/healthz', { schema: { tags: ['operations'], response: { 200: healthResponse, ...errorResponses } } }, async (request) => {
    try {
      await sql`select 1`.execute(deps.db)
    } catch (e) {
      request.log.error({ err: e }, 'health check: database did not answer')
      throw new AppError(503, 'DB_UNAVAILABLE', 'The database does not answer')
    }
    return { ok: true as const, database: deps.database.dialect }
  })
}
