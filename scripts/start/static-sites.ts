/**
 * The admin web at /admin/ and the shop's H5 build at / of the backend's own
 * origin. Same origin is the point: the admin's session cookie (SameSite=
 * Strict, httpOnly) and the shop's API calls need no CORS, and the admin's
 * relative /api and /media paths just work. Files are read at request time,
 * so a build finishing after the server started is served at once.
 * NOTE: Taro's H5 build uses publicPath '/', so it must sit at the root.
 */
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyReply } from 'fastify'

// index.html names the hashed bundles of the latest build: never cache it; the bundles may be.
function noCacheHtml(reply: FastifyReply, path: string): void {
  if (path.endsWith('.html')) reply.header('cache-control', 'no-cache')
}

export async function serveSites(app: FastifyInstance, dirs: { admin: string; h5: string }): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(fastifyStatic, { root: dirs.admin, prefix: '/admin', redirect: true, decorateReply: false, setHeaders: noCacheHtml })
    await scope.register(fastifyStatic, { root: dirs.h5, prefix: '/', decorateReply: false, setHeaders: noCacheHtml })
  })
}
