import type { Deps } from './deps'
import { controlError, json, parseJsonObject, route, type Route } from './http'
import type { LinkKind } from './reach-store'
import { addSecWord } from './sec-check'

const KINDS: readonly LinkKind[] = ['urllink', 'scheme', 'shortlink']

/** GET /sandbox/mp/links, GET/POST /sandbox/mp/sec-words: what tests use to look at links and steer msg_sec_check. */
export function reachControlRoutes(d: Deps): Route[] {
  const reach = () => d.store.mp.reach
  return [
    route('GET', '/sandbox/mp/links', (ctx) => {
      const kind = ctx.url.searchParams.get('kind')
      if (kind !== null && !(KINDS as readonly string[]).includes(kind)) return controlError(400, 'BAD_KIND', `kind must be one of ${KINDS.join(', ')}`)
      return json(200, { items: [...reach().links.values()].filter((l) => kind === null || l.kind === kind) })
    }),
    route('GET', '/sandbox/mp/sec-words', () => json(200, { items: reach().secWords })),
    route('POST', '/sandbox/mp/sec-words', (ctx) => {
      const body = parseJsonObject(ctx.body)
      if (!body) return controlError(400, 'BAD_JSON', 'body must be a JSON object: {word, suggest?: risky|review, label?}')
      try {
        return json(200, { word: addSecWord(d, body as { word: unknown }) })
      } catch (e) {
        if (e instanceof RangeError) return controlError(400, 'BAD_WORD', e.message)
        throw e
      }
    })
  ]
}
