/**
 * Hot queries compiled once per dialect and run again with new parameters, in
 * or out of a transaction: Kysely would otherwise rebuild, transform and
 * compile each one on every call (about a third of order creation's CPU).
 * Keyed by the adapter, not the executor, because every transaction is a new
 * executor. The first call checks the compiled parameters are exactly
 * `params`, in order, so a query whose shape depends on its values is refused.
 */
import type { Compilable, CompiledQuery, QueryResult } from 'kysely'
import type { Executor } from './database'

export type RunCompiled = <R>(db: Executor, key: string, params: readonly unknown[], build: () => Compilable<R>) => Promise<QueryResult<R>>

/** A cache of compiled queries for one repository; `owner` names it in errors. */
export function compiledQueries(owner: string): RunCompiled {
  const compiled = new Map<string, CompiledQuery>()
  return async <R>(db: Executor, key: string, params: readonly unknown[], build: () => Compilable<R>): Promise<QueryResult<R>> => {
    const cacheKey = `${db.getExecutor().adapter.constructor.name}:${key}`
    let query = compiled.get(cacheKey)
    if (!query) {
      query = build().compile()
      const same = query.parameters.length === params.length && query.parameters.every((p, i) => p === params[i])
      if (!same) throw new Error(`${owner} query "${key}" compiles to parameters other than the ones given; it cannot be reused`)
      compiled.set(cacheKey, query)
    }
    return db.executeQuery<R>({ ...query, parameters: params })
  }
}
