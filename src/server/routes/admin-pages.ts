/**
 * Staff content: drafts (GET/POST /api/admin/pages, GET/PUT …/:id), publish
 * now or `{at}` with an optional scheduled end `{unpublishAt}`, unpublish,
 * preview links, versions with restore and diff (`GET …/:id/versions`,
 * `GET …/versions/:v`, `POST …/versions/:v/restore`, `GET …/versions/:v/diff/:against`),
 * duplicate (`POST …/:id/duplicate`) and templates (`GET /api/admin/page-templates`,
 * `POST /api/admin/pages/from-template`).
 */
import {
  adminPageList,
  diffParams,
  fromTemplateRequest,
  fromTemplateResponse,
  pageDiffResponse,
  pageTemplateList,
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
import { duplicatePage } from '../flows/content/duplicate-page'
import { createFromTemplate, listTemplates } from '../flows/content/from-template'
import { diffPageVersions } from '../flows/content/page-diff'
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
      const end = request.body?.unpublishAt
      const unpublishAt = end === undefined ? undefined : end === null ? null : new Date(end)
      return { page: must(await publishPage(deps, staffOf(request).id, request.params.id, at, { unpublishAt })) }
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

  app.get(
    '/api/admin/pages/:id/versions/:v/diff/:against',
    { onRequest, schema: { tags, security, params: diffParams, response: { 200: pageDiffResponse, ...errorResponses } } },
    async (request) => must(await diffPageVersions(deps, request.params.id, request.params.v, request.params.against))
  )

  app.post(
    '/api/admin/pages/:id/duplicate',
    { onRequest, schema: { tags, security, params: idParams, response: { 201: adminPageResponse, ...errorResponses } } },
    async (request, reply) => reply.status(201).send({ page: must(await duplicatePage(deps, staffOf(request).id, request.params.id)) })
  )

  app.get(
    '/api/admin/page-templates',
    { onRequest, schema: { tags, security, response: { 200: pageTemplateList, ...errorResponses } } },
    async () => ({ items: listTemplates() })
  )

  app.post(
    '/api/admin/pages/from-template',
    { onRequest, schema: { tags, security, body: fromTemplateRequest, response: { 201: fromTemplateResponse, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(must(await createFromTemplate(deps, staffOf(request).id, request.body)))
  )
}
