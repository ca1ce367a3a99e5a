/** Renders the whole admin at a hash path, signed in as a staff member of the given role. */
import { StyleProvider } from '@ant-design/cssinjs'
import { render } from '@testing-library/react'
import { AdminApp } from '../../../src/admin/app'
import type { Staff } from '@core/contract/staff'
import { fakeApi, ok, type Handler } from './fake-api'

// react-router makes a Fetch Request for every navigation (for route loaders, which the admin
// has none of); jsdom has no Request, so tests get the few fields the router reads.
if (typeof globalThis.Request === 'undefined') {
  class NavigationRequest {
    readonly url: string
    readonly method: string
    readonly signal: AbortSignal | undefined
    constructor(input: string | URL, init: { method?: string; signal?: AbortSignal } = {}) {
      this.url = String(input)
      this.method = (init.method ?? 'GET').toUpperCase()
      this.signal = init.signal
    }
  }
  ;(globalThis as unknown as { Request: unknown }).Request = NavigationRequest
}

export const ADMIN: Staff = { id: 'stf_admin', email: 'boss@brand.test', name: '王经理', role: 'admin', active: true, createdAt: '2026-01-01T00:00:00.000Z' }
export const EDITOR: Staff = { id: 'stf_editor', email: 'ed@brand.test', name: '李编辑', role: 'editor', active: true, createdAt: '2026-01-01T00:00:00.000Z' }

/** `pollMs`: how often a settling order is read again (short in tests; the app's default otherwise). */
export function renderAdmin(path: string, routes: Record<string, Handler> = {}, staff: Staff | null = ADMIN, options: { pollMs?: number } = {}) {
  const api = fakeApi({
    'GET /api/admin/session': () => (staff ? ok({ staff }) : { status: 401, body: { error: { code: 'UNAUTHENTICATED', message: 'Log in', details: null } } }),
    'GET /api/admin/flags': () => ok({ items: [], nextCursor: null }),
    'GET /api/admin/staff': () => ok({ items: [ADMIN, EDITOR], nextCursor: null }),
    'GET /api/admin/audit': () => ok({ items: [], nextCursor: null }),
    ...routes
  })
  window.location.hash = path
  // NOTE: antd's CSS-in-JS would add hundreds of <style> rules, and jsdom re-cascades them on
  // every getComputedStyle (Testing Library calls it per element per query): render as on a
  // server, so no style reaches the document and queries stay fast.
  const view = render(
    <StyleProvider mock="server">
      <AdminApp pollMs={options.pollMs} />
    </StyleProvider>
  )
  return { api, ...view }
}
