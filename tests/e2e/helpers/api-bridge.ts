// The H5 build calls the API base it was built with (TARO_APP_API_BASE, default
// http://127.0.0.1:3000) and the sandbox base (default :3100). Tests run the real
// services on free ports, so requests to the built-in bases are forwarded there
// from Node (CORS headers added, since the page's origin is the static server).
import type { BrowserContext, Page, Route } from 'playwright-core'

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'access-control-allow-headers': 'Content-Type, Authorization, Idempotency-Key, Accept'
}

export const BUILT_API_BASE = process.env.TARO_APP_API_BASE || 'http://127.0.0.1:3000'
export const BUILT_SANDBOX_BASE = process.env.TARO_APP_SANDBOX_BASE || 'http://127.0.0.1:3100'

async function forward(route: Route, from: string, to: string) {
  const request = route.request()
  if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: CORS })
  const target = to + request.url().slice(from.length)
  // Navigations (the cashier page and its form posts) keep their redirects for the browser.
  const response = await route.fetch({ url: target, maxRedirects: 0 })
  const headers: Record<string, string> = { ...response.headers(), ...CORS }
  const location = headers.location
  if (location && location.startsWith(to)) headers.location = from + location.slice(to.length)
  return route.fulfill({ status: response.status(), headers, body: await response.body() })
}

/** Sends `from/**` to `to/**` for every page of the context. */
export async function bridge(target: Page | BrowserContext, from: string, to: string) {
  const base = from.replace(/\/+$/, '')
  const dest = to.replace(/\/+$/, '')
  if (base === dest) return
  await target.route(`${base}/**`, (route) => forward(route, base, dest))
}
