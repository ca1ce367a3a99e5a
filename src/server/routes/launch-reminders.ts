/**
 * Launches and 开售提醒 (docs/api.md "Launches and 开售提醒"):
 *   POST /api/v1/launch-reminders      {productId, contentSlug?, shareId?, channel?} → 201 {reminder}; 200 when already asked
 *   GET  /api/v1/me/launch-reminders   → {items}
 *   GET  /api/admin/analytics/launch-reminders ?from=&to=&contentSlug= → {rows, pages}
 *   GET  /api/admin/analytics/blocks   ?contentSlug=&from=&to= → {rows}: views, taps, add-to-carts per block
 */
import { errorResponses } from '@core/contract/common'
import {
  blockReport,
  blockReportQuery,
  launchReminderList,
  launchReminderRequest,
  launchReminderResponse,
  reminderReport,
  reminderReportQuery
} from '@core/contract/launch'
import { must } from '../http/app-error'
import { requireShopper, requireStaff, shopperOf } from '../http/guards'
import { blockReport as buildBlockReport } from '../flows/analytics/block-report'
import { reportWindow } from '../flows/analytics/report-window'
import { reminderReport as buildReminderReport } from '../flows/launch/reminder-report'
import { myReminders, registerReminder } from '../flows/launch/reminders'
import type { RegisterRoutes } from './route'

export const launchReminderRoutes: RegisterRoutes = (app, deps) => {
  const shopper = { onRequest: requireShopper(deps) }
  const shopperDoc = { tags: ['shopper: messages'], security: [{ shopper: [] }] }
  const staff = { onRequest: requireStaff(deps) }
  const staffDoc = { tags: ['staff: analytics'], security: [{ staff: [] }] }
  const windowOf = (query: { from?: string; to?: string }) => must(reportWindow(query, deps.clock.now()))

  app.post(
    '/api/v1/launch-reminders',
    { ...shopper, schema: { ...shopperDoc, body: launchReminderRequest, response: { 200: launchReminderResponse, 201: launchReminderResponse, ...errorResponses } } },
    async (request, reply) => {
      const { reminder, created } = must(await registerReminder(deps, shopperOf(request).userId, request.body))
      return reply.status(created ? 201 : 200).send({ reminder })
    }
  )

  app.get(
    '/api/v1/me/launch-reminders',
    { ...shopper, schema: { ...shopperDoc, response: { 200: launchReminderList, ...errorResponses } } },
    async (request) => ({ items: await myReminders(deps, shopperOf(request).userId) })
  )

  app.get(
    '/api/admin/analytics/launch-reminders',
    { ...staff, schema: { ...staffDoc, querystring: reminderReportQuery, response: { 200: reminderReport, ...errorResponses } } },
    async (request) => buildReminderReport(deps.db, windowOf(request.query), request.query.contentSlug)
  )

  app.get(
    '/api/admin/analytics/blocks',
    { ...staff, schema: { ...staffDoc, querystring: blockReportQuery, response: { 200: blockReport, ...errorResponses } } },
    async (request) => buildBlockReport(deps.db, deps.database.dialect, windowOf(request.query), request.query.contentSlug)
  )
}
