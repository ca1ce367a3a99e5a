/**
 * fetch for the staff API: the session cookie rides along, bodies are JSON
 * (the server refuses other types on staff writes, its CSRF defence), and a
 * failure becomes an ApiError. A 401 also tells the session so the app can
 * show the login page.
 */
import { ApiError } from './api-error'

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE'

let onUnauthenticated: (() => void) | null = null

/** The session registers here; called on any 401 except the login call itself. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler
}

export type Query = Record<string, string | number | undefined | null>

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v))
  const qs = params.toString()
  return qs ? `${path}?${qs}` : path
}

export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, {
      method,
      credentials: 'include',
      // Every write is JSON, bodiless ones as {}: the server's CSRF rule (docs/api.md "Staff writes and CSRF").
      headers: method === 'GET' ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: method === 'GET' ? undefined : JSON.stringify(body ?? {})
    })
  } catch (e) {
    throw new ApiError(0, 'NETWORK', `Network error on ${method} ${path}: ${e instanceof Error ? e.message : String(e)}`)
  }
  return readResponse<T>(response, method, path)
}

export async function readResponse<T>(response: Response, method: string, path: string): Promise<T> {
  const text = await response.text()
  let json: unknown = undefined
  if (text !== '') {
    try {
      json = JSON.parse(text)
    } catch {
      json = undefined
      if (response.ok) throw new ApiError(response.status, 'BAD_RESPONSE', `${method} ${path} answered non-JSON`)
    }
  }
  if (response.ok) return json as T
  const error = (json as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error
  const apiError = new ApiError(
    response.status,
    error?.code ?? `HTTP_${response.status}`,
    error?.message ?? `${method} ${path} failed with HTTP ${response.status}`,
    error?.details ?? null
  )
  if (response.status === 401 && !(method === 'POST' && path === '/api/admin/session')) onUnauthenticated?.()
  throw apiError
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path)
}
