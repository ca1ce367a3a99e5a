/**
 * A route module: registers its endpoints on the app with the shared deps.
 * The app carries the zod type provider, so every route declares its
 * request and response with schemas from `@core/contract` (`schema:`),
 * and handlers get typed params, query and body from them.
 */
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Deps } from '../deps'

export type RouteApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>

export type RegisterRoutes = (app: RouteApp, deps: Deps) => void
