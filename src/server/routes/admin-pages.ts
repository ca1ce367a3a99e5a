/**
 * Staff content: drafts (GET/POST /api/admin/pages, GET/PUT …/:id), publish
 * now or `{at}`, unpublish, preview links, and versions with restore
 * (`GET …/:id/versions`, `GET …/versions/:v`, `POST …/versions/:v/restore`).
 */
import { z } from 'zod'
import { isId } from '@core/ids'
import { must } from '../http/app-error'
import { requireStaff, staffOf } from '../http/guards'
import { parseInput } from '../http/validate'
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

const idParams = z.object({ id: z.string().refine(isId, 'not an id') })
const versionParams = idParams.extend({ v: z.coerce.number().int().min(1).max(1_000_000) })
const listQuery = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50)
})
const publishBody = z
  .object({ at: z.iso.datetime({ offset: true, message: 'an ISO 8601 time with offset' }).optional() })
  .optional()

export const adminPageRoutes: RegisterRoutes = (app, deps) => {
  const staff = { onRequest: requireStaff(deps) }

  app.get('/api/admin/pages', staff, async (request) =>
    must(await listPages(deps, parseInput(listQuery, request.query, 'query')))
  )

  app.post('/api/admin/pages', staff, async (request, reply) => {
    const page = must(await createPage(deps, staffOf(request).id, request.body))
    return reply.status(201).send({ page })
  })

  app.get('/api/admin/pages/:id', staff, async (request) => {
    const { id } = parseInput(idParams, request.params, 'path')
    return { page: must(await getPage(deps, id)) }
  })

  app.put('/api/admin/pages/:id', staff, async (request) => {
    const { id } = parseInput(idParams, request.params, 'path')
    return { page: must(await updatePageDraft(deps, staffOf(request).id, id, request.body)) }
  })

  app.post('/api/admin/pages/:id/publish', staff, async (request) => {
    const { id } = parseInput(idParams, request.params, 'path')
    const body = parseInput(publishBody, request.body ?? undefined, 'publish')
    const at = body?.at === undefined ? undefined : new Date(body.at)
    return { page: must(await publishPage(deps, staffOf(request).id, id, at)) }
  })

  app.post('/api/admin/pages/:id/unpublish', staff, async (request) => {
    const { id } = parseInput(idParams, request.params, 'path')
    return { page: must(await unpublishPage(deps, staffOf(request).id, id)) }
  })

  app.post('/api/admin/pages/:id/preview', staff, async (request) => {
    const { id } = parseInput(idParams, request.params, 'path')
    return must(await createPreview(deps, staffOf(request).id, id))
  })

  app.get('/api/admin/pages/:id/versions', staff, async (request) => {
    const { id } = parseInput(idParams, request.params, 'path')
    return { items: must(await listPageVersions(deps, id)), nextCursor: null }
  })

  app.get('/api/admin/pages/:id/versions/:v', staff, async (request) => {
    const { id, v } = parseInput(versionParams, request.params, 'path')
    return must(await getPageVersion(deps, id, v))
  })

  app.post('/api/admin/pages/:id/versions/:v/restore', staff, async (request) => {
    const { id, v } = parseInput(versionParams, request.params, 'path')
    return { page: must(await restoreVersion(deps, staffOf(request).id, id, v)) }
  })
}
