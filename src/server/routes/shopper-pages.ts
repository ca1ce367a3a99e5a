/**
 * Shopper content: GET /api/v1/pages (published, newest first, paged) and
 * GET /api/v1/pages/:slug (`{page, products}`; `?preview=TOKEN` serves the draft).
 */
import { z } from 'zod'
import { validateSlug } from '@core/content'
import { must } from '../http/app-error'
import { parseInput } from '../http/validate'
import { listPublishedPages } from '../flows/content/list-published'
import { readPage } from '../flows/content/read-page'
import type { RegisterRoutes } from './route'

const listQuery = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20)
})
const pageQuery = z.object({ preview: z.string().min(1).max(100).optional() })

export const shopperPageRoutes: RegisterRoutes = (app, deps) => {
  app.get('/api/v1/pages', async (request) =>
    must(await listPublishedPages(deps, parseInput(listQuery, request.query, 'query')))
  )

  app.get('/api/v1/pages/:slug', async (request, reply) => {
    const slug = must(validateSlug((request.params as { slug: string }).slug))
    const { preview } = parseInput(pageQuery, request.query, 'query')
    const result = must(await readPage(deps, slug, preview))
    // A preview is a draft behind a secret link: never let a cache keep it.
    if (preview !== undefined) reply.header('cache-control', 'no-store')
    return result
  })
}
