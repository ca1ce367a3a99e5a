/**
 * Staff content: drafts (GET/POST /api/admin/pages, GET/PUT …/:id), publish
 * now or `{at}`, unpublish, preview links, and versions with restore
 * (`GET …/:id/versions`, `GET …/versions/:v`, `POST …/versions/:v/restore`).
 */
import {
  adminPageList,
  adminPageListQuery,
  adminPageResponse,
  pageRequest,
  pageVersionList,
  pageVersionResponse,
  previewResponse,
  publishRequest,
  versionParams
} from '@core/contract/admin-pages'
import { errorResponses, idParams } from '@core/contract/common'
import { must } from '../http/app-error'
import { requireStaff, staffOf } from '../http/guards'
import { createPage } from '../flows/content/create-page'
import { createPreview } from '../flows/content/create-preview'
import { getPage } from '../flows/content/get-page'
import { listPages } from '../flows/content/list-pages'
import { getPageVersion, listPageVersions } from '../flows/content/page-versions'
import { publishPage } from '../flows/content/publish-page'
import { restoreVersion } from '../flows/content/restore-version'
import { unpublishPage } from '../flows/content/unpublish-page'
import { updatePageDraft } from '../flows/content/update-page'
import type { RegisterRoutes } from './route'

const tags = ['staff: pages']
const security = [{ staff: [] }]
const pageAnswer = { 200: adminPageResponse, ...errorResponses }

export const adminPageRoutes: RegisterRoutes = (app, deps) => {
  const onRequest = requireStaff(deps)

  app.get(
    '/api/admin/pages',
    { onRequest, schema: { tags, security, querystring: adminPageListQuery, response: { 200: adminPageList, ...errorResponses } } },
    async (request) => must(await listPages(deps, request.query))
  )

  app.post(
    '/api/admin/pages',
    { onRequest, schema: { tags, security, body: pageRequest, response: { 201: adminPageResponse, ...errorResponses } } },
    async (request, reply) => {
      const page = must(await createPage(deps, staffOf(request).id, request.body))
      return reply.status(201).send({ page })
    }
  )

  app.get('/api/admin/pages/:id', { onRequest, schema: { tags, security, params: idParams, response: pageAnswer } }, async (request) => ({
    page: must(await getPage(deps, request.params.id))
  }))

  app.put(
    '/api/admin/pages/:id',
    { onRequest, schema: { tags, security, params: idParams, body: pageRequest, response: pageAnswer } },
    async (request) => ({ page: must(await updatePageDraft(deps, staffOf(request).id, request.params.id, request.body)) })
  )

  app.post(
    '/api/admin/pages/:id/publish',
    { onRequest, schema: { tags, security, params: idParams, body: publishRequest, response: pageAnswer } },
    async (request) => {
      const at = request.body?.at === undefined ? undefined : new Date(request.body.at)
      return { page: must(await publishPage(deps, staffOf(request).id, request.params.id, at)) }
    }
  )

  app.post('/api/admin/pages/:id/unpublish', { onRequest, schema: { tags, security, params: idParams, response: pageAnswer } }, async (request) => ({
    page: must(await unpublishPage(deps, staffOf(request).id, request.params.id))
  }))

  app.post(
    '/api/admin/pages/:id/preview',
    { onRequest, schema: { tags, security, params: idParams, response: { 200: previewResponse, ...errorResponses } } },
    async (request) => must(await createPreview(deps, staffOf(request).id, request.params.id))
  )

  app.get(
    '/api/admin/pages/:id/versions',
    { onRequest, schema: { tags, security, params: idParams, response: { 200: pageVersionList, ...errorResponses } } },
    async (request) => ({ items: must(await listPageVersions(deps, request.params.id)), nextCursor: null })
  )

  app.get(
    '/api/admin/pages/:id/versions/:v',
    { onRequest, schema: { tags, security, params: versionParams, response: { 200: pageVersionResponse, ...errorResponses } } },
    async (request) => must(await getPageVersion(deps, request.params.id, request.params.v))
  )

  app.post(
    '/api/admin/pages/:id/versions/:v/restore',
    { onRequest, schema: { tags, security, params: versionParams, response: pageAnswer } },
    async (request) => ({ page: must(await restoreVersion(deps, staffOf(request).id, request.params.id, request.params.v)) })
  )
}
