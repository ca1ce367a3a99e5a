/**
 * The built front ends on the backend's own origin: the admin web
 * (STATIC_DIR/dist-admin) at /admin/ and the shop's H5 build
 * (STATIC_DIR/dist-h5) at /. Same origin is the point: the admin's session
 * cookie (SameSite=Strict, httpOnly) and the shop's API calls need no CORS,
 * and the admin's relative /api and /media paths just work. `npm run server`
 * and `npm start` both serve them through this one function.
 *
 * Files are read at request time, so a build that finishes after the server
 * started (npm start builds while the backend already answers) is served at
 * once; a build missing at start is one warning line, and its paths answer 404.
 * NOTE: Taro's H5 build uses publicPath '/', so it must sit at the root.
 */
import { existsSync } from 'node:fs'
import { basename, join, sep } from 'node:path'
import fastifyCompress from '@fastify/compress'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'

export const SITES = [
  { name: 'admin web', folder: 'dist-admin', prefix: '/admin' },
  { name: 'H5 shop', folder: 'dist-h5', prefix: '/' }
] as const

export const IMMUTABLE = 'public, max-age=31536000, immutable'

// Build tools put content hashes in these names: Vite `assets/index-B5x_k2Qe.js`,
// Taro `js/app.3f9a1c2e.js`, `css/app.0b1c2d3e.css`, `static/…/logo.4e5f6a7b.png`.
const HASHED_FOLDERS = new Set(['assets', 'js', 'css', 'static'])
const HASHED_NAME = /[.-][A-Za-z0-9_-]{8}\.[a-z0-9]+$/

/** A file whose name changes with its content may be cached for a year; anything else is revalidated. */
export function cacheControlFor(path: string): string {
  const parts = path.split(sep)
  const hashed = parts.slice(0, -1).some((p) => HASHED_FOLDERS.has(p)) && HASHED_NAME.test(basename(path))
  // index.html names the hashed bundles of the latest build, so it must never be stale.
  return hashed ? IMMUTABLE : 'no-cache'
}

export interface SitesReport {
  missing: { name: string; dir: string }[]
}

export async function serveSites(app: FastifyInstance, staticDir: string): Promise<SitesReport> {
  const missing: SitesReport['missing'] = []
  await app.register(async (scope) => {
    // Brotli or gzip as the browser asks; only this scope's answers (the API's JSON is left alone).
    await scope.register(fastifyCompress, { global: true, encodings: ['br', 'gzip'] })
    for (const site of SITES) {
      const dir = join(staticDir, site.folder)
      if (!existsSync(join(dir, 'index.html'))) missing.push({ name: site.name, dir })
      await scope.register(fastifyStatic, {
        root: dir,
        prefix: site.prefix,
        redirect: site.prefix !== '/',
        decorateReply: false,
        // Our own one-line warning below says what is missing and what to run.
        suppressWarning: true,
        cacheControl: false,
        setHeaders: (reply, path) => void reply.header('cache-control', cacheControlFor(path))
      })
    }
  })
  for (const m of missing) app.log.warn(`${m.name} not built (no ${join(m.dir, 'index.html')}): run \`npm run build\` or set STATIC_DIR`)
  return { missing }
}
