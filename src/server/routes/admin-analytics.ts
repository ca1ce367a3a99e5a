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
import { analyticsWindowQuery, contentReport, dailyReport, funnelQuery, funnelResponse, sharerReport } from '@core/contract/analytics'
import { errorResponses } from '@core/contract/common'
import { AppError, must } from '../http/app-error'
import { requireStaff } from '../http/guards'
import { contentReport as buildContentReport } from '../flows/analytics/content-report'
import { dailyReport as buildDailyReport } from '../flows/analytics/daily-report'
import { funnelReport } from '../flows/analytics/funnel-report'
import { reportWindow } from '../flows/analytics/report-window'
import { sharerReport as buildSharerReport } from '../flows/analytics/sharer-report'
import type { RegisterRoutes } from './route'

const MAX_DAILY_DAYS = 400
const tags = ['staff: analytics']
const security = [{ staff: [] }]

export const adminAnalyticsRoutes: RegisterRoutes = (app, deps) => {
  // onRequest: a caller without a session is refused before its query is read.
  const onRequest = requireStaff(deps)
  const windowOf = (query: { from?: string; to?: string }) => must(reportWindow(query, deps.clock.now()))

  app.get(
    '/api/admin/analytics/funnel',
    { onRequest, schema: { tags, security, querystring: funnelQuery, response: { 200: funnelResponse, ...errorResponses } } },
    async (request) => funnelReport(deps.db, windowOf(request.query), request.query.contentSlug)
  )

  app.get(
    '/api/admin/analytics/content',
    { onRequest, schema: { tags, security, querystring: analyticsWindowQuery, response: { 200: contentReport, ...errorResponses } } },
    async (request) => buildContentReport(deps.db, windowOf(request.query))
  )

  app.get(
    '/api/admin/analytics/sharers',
    { onRequest, schema: { tags, security, querystring: analyticsWindowQuery, response: { 200: sharerReport, ...errorResponses } } },
    async (request) => buildSharerReport(deps.db, windowOf(request.query))
  )

  app.get(
    '/api/admin/analytics/daily',
    { onRequest, schema: { tags, security, querystring: analyticsWindowQuery, response: { 200: dailyReport, ...errorResponses } } },
    async (request) => {
      const w = windowOf(request.query)
      if (w.toMs - w.fromMs > MAX_DAILY_DAYS * 24 * 60 * 60 * 1000) {
        throw new AppError(400, 'INVALID_WINDOW', `the daily report covers at most ${MAX_DAILY_DAYS} days`)
      }
      return buildDailyReport(deps.db, w)
    }
  )
}
