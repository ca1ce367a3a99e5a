/**
 * Reach, shopper side: POST /api/v1/shares (a server-issued share id),
 * GET /api/v1/shares/:id/code.png (its mini-program code, owner only),
 * GET /api/v1/scenes/:scene (what a scanned code means; no login needed:
 * a scan opens the app before any login), PUT /api/v1/me/profile.
 */
import { errorResponses, idParams } from '@core/contract/common'
import { profileInput, profileResponse, sceneParams, sceneResponse, shareRequest, shareResponse } from '@core/contract/reach'
import { must } from '../http/app-error'
import { requireShopper, shopperOf } from '../http/guards'
import { updateProfile } from '../flows/reach/profile'
import { resolveScene } from '../flows/reach/scenes'
import { issueShare, shareCode } from '../flows/reach/shares'
import { pngResponses } from './reach-responses'
import type { RegisterRoutes } from './route'

const security = [{ shopper: [] }]

export const shopperReachRoutes: RegisterRoutes = (app, deps) => {
  const preHandler = requireShopper(deps)

  app.post(
    '/api/v1/shares',
    { preHandler, schema: { tags: ['shopper: shares'], security, body: shareRequest, response: { 201: shareResponse, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(must(await issueShare(deps, shopperOf(request).userId, request.body)))
  )

  app.get(
    '/api/v1/shares/:id/code.png',
    { preHandler, schema: { tags: ['shopper: shares'], security, params: idParams, response: { ...pngResponses, ...errorResponses } } },
    async (request, reply) => {
      const png = must(await shareCode(deps, shopperOf(request).userId, request.params.id))
      return reply.header('content-type', 'image/png').header('cache-control', 'private, max-age=86400').send(png)
    }
  )

  app.get(
    '/api/v1/scenes/:scene',
    { schema: { tags: ['shopper: shares'], params: sceneParams, response: { 200: sceneResponse, ...errorResponses } } },
    async (request) => must(await resolveScene(deps, request.params.scene))
  )

  app.put(
    '/api/v1/me/profile',
    { preHandler, schema: { tags: ['shopper: profile'], security, body: profileInput, response: { 200: profileResponse, ...errorResponses } } },
    async (request) => ({ profile: must(await updateProfile(deps, shopperOf(request).userId, request.body)) })
  )
}
