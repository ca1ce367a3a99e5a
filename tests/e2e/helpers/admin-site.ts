// The admin web as staff get it: dist-admin/ at /admin/, with /api and /media passed
// through to the backend on the same origin (so the SameSite=Strict session cookie
// works exactly as behind the real host).
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { ADMIN_DIST } from './admin-build'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png'
}

function proxy(req: http.IncomingMessage, res: http.ServerResponse, backend: URL) {
  const upstream = http.request(
    { host: backend.hostname, port: backend.port, method: req.method, path: req.url, headers: { ...req.headers, host: backend.host } },
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
    if (!urlPath.startsWith('/admin')) {
      res.writeHead(302, { location: '/admin/' })
      return res.end()
    }
    let file = path.join(ADMIN_DIST, urlPath.slice('/admin'.length))
    if (!file.startsWith(ADMIN_DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(ADMIN_DIST, 'index.html')
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream' })
    fs.createReadStream(file).pipe(res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/admin/`, close: () => new Promise<void>((r) => server.close(() => r())) }
}
