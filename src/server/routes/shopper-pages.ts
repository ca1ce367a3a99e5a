/**
 * Shopper content: GET /api/v1/pages (published, newest first, paged) and
 * GET /api/v1/pages/:slug (`{page, products}`; `?preview=TOKEN` serves the draft).
 */
import { errorResponses } from '@core/contract/common'
import { pageList, pageListQuery, pageReadQuery, pageResponse, pageSlugParams } from '@core/contract/pages'
import { must } from '../http/app-error'
import { listPublishedPages } from '../flows/content/list-published'
import { readPage } from '../flows/content/read-page'
import type { RegisterRoutes } from './route'

const tags = ['shopper: content']

export const shopperPageRoutes: RegisterRoutes = (app, deps) => {
  app.get('/api/v1/pages', { schema: { tags, querystring: pageListQuery, response: { 200: pageList, ...errorResponses } } }, async (request) =>
    must(await listPublishedPages(deps, request.query))
  )

  app.get(
    '/api/v1/pages/:slug',
    { schema: { tags, params: pageSlugParams, querystring: pageReadQuery, response: { 200: pageResponse, ...errorResponses } } },
    async (request, reply) => {
      const { preview } = request.query
      const result = must(await readPage(deps, request.params.slug, preview))
      // A preview is a draft behind a secret link: never let a cache keep it.
      if (preview !== undefined) reply.header('cache-control', 'no-store')
      return result
    }
  )
}
