/**
 * The brand's reports (docs/api.md "Report definitions"), for any signed-in
 * staff member: admins read them on the analytics menu, and editors, who
 * make the pages, may see how their pages do (nothing here writes or shows
 * more than opaque shopper ids).
 *   GET /api/admin/analytics/funnel   ?from=&to=&contentSlug= → {steps}
 *   GET /api/admin/analytics/content  ?from=&to=              → {rows}
 *   GET /api/admin/analytics/sharers  ?from=&to=              → {rows}
 *   GET /api/admin/analytics/daily    ?from=&to=              → {rows:[{day,paidOrders,paidFen}]} (addition)
 * from/to: ISO 8601 with offset; to defaults to now, from to 30 days before.
 */
import { z } from 'zod'
import { validateSlug } from '@core/content'
import { AppError, must } from '../http/app-error'
import { requireStaff } from '../http/guards'
import { parseInput } from '../http/validate'
import { contentReport } from '../flows/analytics/content-report'
import { dailyReport } from '../flows/analytics/daily-report'
import { funnelReport } from '../flows/analytics/funnel-report'
import { reportWindow } from '../flows/analytics/report-window'
import { sharerReport } from '../flows/analytics/sharer-report'
import type { RegisterRoutes } from './route'

const windowQuery = z.object({ from: z.string().max(40).optional(), to: z.string().max(40).optional() })
const funnelQuery = windowQuery.extend({ contentSlug: z.string().max(100).optional() })

const MAX_DAILY_DAYS = 400

export const adminAnalyticsRoutes: RegisterRoutes = (app, deps) => {
  const staff = { preHandler: requireStaff(deps) }
  const windowOf = (query: unknown) => must(reportWindow(parseInput(windowQuery, query, 'query'), deps.clock.now()))

  app.get('/api/admin/analytics/funnel', staff, async (request) => {
    const { contentSlug } = parseInput(funnelQuery, request.query, 'query')
    const slug = contentSlug === undefined ? undefined : must(validateSlug(contentSlug))
    return funnelReport(deps.db, windowOf(request.query), slug)
  })

  app.get('/api/admin/analytics/content', staff, async (request) => contentReport(deps.db, windowOf(request.query)))

  app.get('/api/admin/analytics/sharers', staff, async (request) => sharerReport(deps.db, windowOf(request.query)))

  app.get('/api/admin/analytics/daily', staff, async (request) => {
    const w = windowOf(request.query)
    if (w.toMs - w.fromMs > MAX_DAILY_DAYS * 24 * 60 * 60 * 1000) {
      throw new AppError(400, 'INVALID_WINDOW', `the daily report covers at most ${MAX_DAILY_DAYS} days`)
    }
    return dailyReport(deps.db, w)
  })
}
