/**
 * Hot read queries (the shopper's page read) compiled once per shape and
 * run again with new parameters. Kysely otherwise rebuilds, transforms
 * (CamelCasePlugin) and compiles the query tree on every call, which was
 * about a third of the CPU of GET /api/v1/pages/:slug. The first call
 * checks that the compiled parameters are exactly `params`, in order, so
 * a query with hidden constants cannot be cached by mistake.
 */
import type { Compilable, CompiledQuery } from 'kysely'
import type { Executor } from './database'

const caches = new WeakMap<Executor, Map<string, CompiledQuery>>()

export async function runCompiledOnce<R>(
  db: Executor,
  key: string,
  params: readonly unknown[],
  build: () => Compilable<R>
): Promise<R[]> {
  let cache = caches.get(db)
  if (!cache) {
    cache = new Map()
    caches.set(db, cache)
  }
  let compiled = cache.get(key)
  if (!compiled) {
    compiled = build().compile()
    const same = compiled.parameters.length === params.length && compiled.parameters.every((p, i) => p === params[i])
    if (!same) throw new Error(`query "${key}" compiles to parameters other than the ones given; it cannot be reused`)
    cache.set(key, compiled)
  }
  const result = await db.executeQuery<R>({ ...compiled, parameters: params })
  return result.rows
}
