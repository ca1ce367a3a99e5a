/**
 * The public landing of a campaign: GET /l/:code (HTML, by user agent, see
 * flows/campaigns/landing.ts) and GET /l/:code/code.png (its mini-program
 * code, which the page shows). No login: these are what a brand posts.
 */
import { z } from 'zod'
import { errorResponses } from '@core/contract/common'
import { CAMPAIGN_CODE_PATTERN } from '@core/event-schema'
import { must } from '../http/app-error'
import { findCampaignByCode } from '../db/repos/reach-repo'
import { CAMPAIGN_CODE_WIDTH, campaignScene, freshCampaign } from '../flows/campaigns/campaigns'
import { landingHtml, notFoundHtml, visitorOf } from '../flows/campaigns/landing'
import { codePng } from '../flows/reach/code-images'
import { pageOf } from '../flows/reach/targets'
import { htmlResponses, pngResponses } from './reach-responses'
import type { RegisterRoutes } from './route'

const codeParams = z.object({ code: z.string().max(32) })
const tags = ['landing']

export const landingRoutes: RegisterRoutes = (app, deps) => {
  const find = async (code: string) => (CAMPAIGN_CODE_PATTERN.test(code) ? findCampaignByCode(deps.db, code) : undefined)

  app.get('/l/:code', { schema: { tags, params: codeParams, response: htmlResponses } }, async (request, reply) => {
    reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').header('x-content-type-options', 'nosniff')
    const found = await find(request.params.code)
    if (!found) return reply.status(404).send(notFoundHtml())
    // A post may be read months later: the link shown is renewed when it has fewer than 3 days left.
    const row = await freshCampaign(deps, found)
    return reply.send(landingHtml(deps, row, visitorOf(request.headers['user-agent'])))
  })

  app.get('/l/:code/code.png', { schema: { tags, params: codeParams, response: { ...pngResponses, ...errorResponses } } }, async (request, reply) => {
    const row = await find(request.params.code)
    if (!row) return must({ ok: false, error: { code: 'CAMPAIGN_NOT_FOUND', message: `No campaign ${request.params.code}` } })
    const png = must(await codePng(deps, campaignScene(row.code), pageOf(row), CAMPAIGN_CODE_WIDTH))
    return reply.header('content-type', 'image/png').header('cache-control', 'public, max-age=86400').send(png)
  })
}
