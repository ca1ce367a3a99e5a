/**
 * Shopper content: GET /api/v1/pages (published, newest first, paged) and
 * GET /api/v1/pages/:slug (`{page, products}`; `?preview=TOKEN` serves the draft).
 */
import type { FastifyReply } from 'fastify'
import { errorResponses } from '@core/contract/common'
import { pageList, pageListQuery, pageReadQuery, pageResponse, pageSlugParams } from '@core/contract/pages'
import { must } from '../http/app-error'
import { listPublishedPages } from '../flows/content/list-published'
import { readPage } from '../flows/content/read-page'
import { matchesEtag, pageCacheFor } from '../cache/page-cache'
import type { RegisterRoutes } from './route'

const tags = ['shopper: content']

export const shopperPageRoutes: RegisterRoutes = (app, deps) => {
  // Published answers come from memory (cache/page-cache.ts); previews are always read from the database.
  const cache = pageCacheFor(deps)
  app.addHook('onClose', async () => cache.stop())

  app.get('/api/v1/pages', { schema: { tags, querystring: pageListQuery, response: { 200: pageList, ...errorResponses } } }, async (request) =>
    must(await listPublishedPages(deps, request.query))
  )

  app.get(
    '/api/v1/pages/:slug',
    { schema: { tags, params: pageSlugParams, querystring: pageReadQuery, response: { 200: pageResponse, ...errorResponses } } },
    async (request, reply) => {
      const { preview } = request.query
      if (preview === undefined) {
        const { body, etag } = must(await cache.read(request.params.slug))
        // Clients may keep it but must ask again each time: the answer carries live stock.
        // Already serialized (and checked against pageResponse when built): sent as bytes, past the typed serializer.
        const untyped = reply as unknown as FastifyReply
        untyped.header('etag', etag).header('cache-control', 'no-cache')
        if (matchesEtag(request.headers['if-none-match'], etag)) return untyped.code(304).send()
        return untyped.header('content-type', 'application/json; charset=utf-8').send(body)
      }
      const result = must(await readPage(deps, request.params.slug, preview))
      // A preview is a draft behind a secret link: never let a cache keep it.
      reply.header('cache-control', 'no-store')
      return result
    }
  )
}
