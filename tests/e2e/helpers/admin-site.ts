// The admin web as staff get it under `npm start`: dist-admin/ at /admin/, the shop's
// H5 build (dist-h5/, when built) at /, and /api and /media passed through to the
// backend on the same origin (so the SameSite=Strict session cookie works exactly as
// behind the real host, and the preview frame finds the app where it would). The Host
// header passes unchanged, as behind a proxy with `proxy_set_header Host $host`, so the
// backend's cross-site check sees the browser's Origin as its own.
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { ADMIN_DIST } from './admin-build'

const H5_DIST = path.resolve(__dirname, '../../../dist-h5')

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png'
}

function proxy(req: http.IncomingMessage, res: http.ServerResponse, backend: URL) {
  const upstream = http.request(
    { host: backend.hostname, port: backend.port, method: req.method, path: req.url, headers: req.headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    }
  )
  upstream.on('error', (e) => {
    res.writeHead(502, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ error: { code: 'BAD_GATEWAY', message: `admin test site: backend unreachable: ${e.message}`, details: null } }))
  })
  req.pipe(upstream)
}

export async function serveAdmin(apiUrl: string) {
  const backend = new URL(apiUrl)
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url || '/', 'http://x').pathname)
    if (urlPath.startsWith('/api/') || urlPath.startsWith('/media/')) return proxy(req, res, backend)
    const admin = urlPath.startsWith('/admin')
    if (!admin && !fs.existsSync(path.join(H5_DIST, 'index.html'))) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
      return res.end('dist-h5/ is not built (npm run build:h5)')
    }
    const root = admin ? ADMIN_DIST : H5_DIST
    let file = path.join(root, admin ? urlPath.slice('/admin'.length) : urlPath)
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html')
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream' })
    fs.createReadStream(file).pipe(res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/admin/`, close: () => new Promise<void>((r) => server.close(() => r())) }
}
