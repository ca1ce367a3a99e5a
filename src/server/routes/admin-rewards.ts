/**
 * Sharer reward rules and the ledger, admins only: POST/GET
 * /api/admin/rewards/rules, GET /api/admin/rewards/ledger.
 */
import { errorResponses } from '@core/contract/common'
import { rewardLedgerList, rewardRuleInput, rewardRuleList, rewardRuleResponse } from '@core/contract/rewards'
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

  app.get('/api/admin/rewards/ledger', { onRequest, schema: { tags, security, response: { 200: rewardLedgerList, ...errorResponses } } }, async () => ({
    items: await rewardLedger(deps)
  }))
}
