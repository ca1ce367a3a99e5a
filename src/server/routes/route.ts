/** A route module: registers its endpoints on the app with the shared deps. */
import type { FastifyInstance } from 'fastify'
import type { Deps } from '../deps'

export type RegisterRoutes = (app: FastifyInstance, deps: Deps) => void
