/**
 * Campaigns, for admins and editors: POST/GET /api/admin/campaigns, GET
 * /api/admin/campaigns/:id (links renewed on read when due, figures since
 * creation), GET /api/admin/campaigns/:id/code.png (the mini-program code,
 * print size, made once and cached).
 */
import { errorResponses, idParams } from '@core/contract/common'
import { campaignInput, campaignList, campaignResponse } from '@core/contract/reach'
import { must } from '../http/app-error'
import { requireStaff, staffOf } from '../http/guards'
import { campaignCodeImage, createCampaign, getCampaign, listCampaignDtos } from '../flows/campaigns/campaigns'
import { pngResponses } from './reach-responses'
import type { RegisterRoutes } from './route'

const tags = ['admin: campaigns']
const security = [{ staff: [] }]

export const adminCampaignRoutes: RegisterRoutes = (app, deps) => {
  const onRequest = requireStaff(deps, 'editor')

  app.post(
    '/api/admin/campaigns',
    { onRequest, schema: { tags, security, body: campaignInput, response: { 201: campaignResponse, ...errorResponses } } },
    async (request, reply) => reply.status(201).send({ campaign: must(await createCampaign(deps, staffOf(request).id, request.body)) })
  )

  app.get('/api/admin/campaigns', { onRequest, schema: { tags, security, response: { 200: campaignList, ...errorResponses } } }, async () => ({
    items: await listCampaignDtos(deps)
  }))

  app.get(
    '/api/admin/campaigns/:id',
    { onRequest, schema: { tags, security, params: idParams, response: { 200: campaignResponse, ...errorResponses } } },
    async (request) => ({ campaign: must(await getCampaign(deps, request.params.id)) })
  )

  app.get(
    '/api/admin/campaigns/:id/code.png',
    { onRequest, schema: { tags, security, params: idParams, response: { ...pngResponses, ...errorResponses } } },
    async (request, reply) => {
      const png = must(await campaignCodeImage(deps, request.params.id))
      return reply.header('content-type', 'image/png').header('cache-control', 'private, max-age=86400').header('content-disposition', `inline; filename="campaign-${request.params.id}.png"`).send(png)
    }
  )
}
