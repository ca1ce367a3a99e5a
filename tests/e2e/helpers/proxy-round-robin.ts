// A load balancer in miniature (node:http): each request goes to the next upstream in
// turn, body and headers passed through untouched (WeChat Pay's signature covers the
// raw body). It counts what each upstream received, so a test can show that requests
// really reached every instance.
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ProxyHit {
  upstream: number
  method: string
  path: string
  status: number | null
}

export interface RoundRobinProxy {
  url: string
  hits: ProxyHit[]
  /** Requests for paths starting with `prefix`, counted per upstream index. */
  countByUpstream(prefix: string): number[]
  /** Stops sending to upstream `index` (its process is gone), as a health check would. */
  drain(index: number): void
  close(): Promise<void>
}

export async function startRoundRobinProxy(upstreams: string[]): Promise<RoundRobinProxy> {
  if (upstreams.length === 0) throw new Error('startRoundRobinProxy: give at least one upstream URL')
  const targets = upstreams.map((u) => new URL(u))
  const live = targets.map(() => true)
  const hits: ProxyHit[] = []
  let next = 0

  const pick = (): number => {
    for (let tried = 0; tried < targets.length; tried++) {
      const i = next
      next = (next + 1) % targets.length
      if (live[i]) return i
    }
    throw new Error('round-robin proxy: every upstream is drained')
  }

  const server = http.createServer((req, res) => {
    const index = pick()
    const target = targets[index]!
    const hit: ProxyHit = { upstream: index, method: req.method ?? 'GET', path: req.url ?? '/', status: null }
    hits.push(hit)
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
      (answer) => {
        hit.status = answer.statusCode ?? null
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    upstream.on('error', (e) => {
      if (res.headersSent) return res.destroy(e)
      res.writeHead(502, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ error: { code: 'BAD_GATEWAY', message: `test proxy: upstream ${index} (${target.host}) failed: ${e.message}`, details: null } }))
    })
    req.pipe(upstream)
  })
  // Keep-alive sockets to the proxy would otherwise hold close() open.
  server.keepAliveTimeout = 1000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    countByUpstream(prefix) {
      const counts = targets.map(() => 0)
      for (const h of hits) if (h.path.startsWith(prefix)) counts[h.upstream]!++
      return counts
    },
    drain(index) {
      live[index] = false
    },
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    }
  }
}
