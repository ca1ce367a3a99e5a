/**
 * A small hash router: `#/pages/42` → path `/pages/42`. Hash URLs work
 * behind any static host and under any base path (/admin/ or /), with no
 * server-side fallback to configure.
 */
import { useSyncExternalStore } from 'react'

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

export function currentPath(): string {
  const hash = window.location.hash.replace(/^#/, '')
  return hash.startsWith('/') ? hash.split('?')[0] || '/' : '/'
}

export function useCurrentPath(): string {
  return useSyncExternalStore(subscribe, currentPath, () => '/')
}

/** The query part of the hash (`#/orders?status=paid`). */
export function currentQuery(): URLSearchParams {
  const hash = window.location.hash
  const i = hash.indexOf('?')
  return new URLSearchParams(i === -1 ? '' : hash.slice(i + 1))
}

export function navigate(path: string): void {
  window.location.hash = path
}

/** `/pages/:id` against `/pages/42` → `{id: '42'}`; null when it does not match. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean)
  const got = path.split('/').filter(Boolean)
  if (want.length !== got.length) return null
  const params: Record<string, string> = {}
  for (let i = 0; i < want.length; i++) {
    const w = want[i] as string
    const g = got[i] as string
    if (w.startsWith(':')) params[w.slice(1)] = decodeURIComponent(g)
    else if (w !== g) return null
  }
  return params
}
