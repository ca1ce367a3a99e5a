/**
 * Sharer reward rules and the ledger, admins only: POST/GET
 * /api/admin/rewards/rules, GET /api/admin/rewards/ledger; and the report of
 * orders, discounts and rewards by share channel, GET
 * /api/admin/analytics/channels (?from=&to=&contentSlug=; rows per channel
 * and campaign, flows/analytics/channel-report.ts), for any signed-in staff
 * member as the other reports are.
 */
import { errorResponses } from '@core/contract/common'
import { channelReport, channelReportQuery, rewardLedgerList, rewardRuleInput, rewardRuleList, rewardRuleResponse } from '@core/contract/rewards'
import { channelRows } from '../flows/analytics/channel-report'
import { reportWindow } from '../flows/analytics/report-window'
import { must } from '../http/app-error'
import { requireStaff, staffOf } from '../http/guards'
import { createRewardRule, listRewardRuleDtos, rewardLedger } from '../flows/rewards/reward-rules'
import type { RegisterRoutes } from './route'

const tags = ['admin: rewards']
const security = [{ staff: [] }]

export const adminRewardRoutes: RegisterRoutes = (app, deps) => {
  const onRequest = requireStaff(deps, 'admin')

  app.post(
    '/api/admin/rewards/rules',
    { onRequest, schema: { tags, security, body: rewardRuleInput, response: { 201: rewardRuleResponse, ...errorResponses } } },
    async (request, reply) => reply.status(201).send({ rule: must(await createRewardRule(deps, staffOf(request).id, request.body)) })
  )

  app.get('/api/admin/rewards/rules', { onRequest, schema: { tags, security, response: { 200: rewardRuleList, ...errorResponses } } }, async () => ({
    items: await listRewardRuleDtos(deps)
  }))

  app.get(
    '/api/admin/analytics/channels',
    { onRequest: requireStaff(deps), schema: { tags: ['admin: analytics'], security, querystring: channelReportQuery, response: { 200: channelReport, ...errorResponses } } },
    async (request) => {
      const w = must(reportWindow(request.query, deps.clock.now()))
      return { rows: await channelRows(deps.db, w, { contentSlug: request.query.contentSlug }) }
    }
  )

  app.get('/api/admin/rewards/ledger', { onRequest, schema: { tags, security, response: { 200: rewardLedgerList, ...errorResponses } } }, async () => ({
    items: await rewardLedger(deps)
  }))
}
