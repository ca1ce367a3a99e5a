// Requests to our backend: base URL, JSON, the shopper's token, and one silent
// re-login when the token is refused (401).
import { apiBase } from './env'
import { ApiError, httpRequest, type HttpMethod } from './http'
import { currentToken, ensureLogin, relogin } from './auth'

export { ApiError }

/** none: public; optional: token sent when there is one; required: logs in first. */
export type AuthMode = 'none' | 'optional' | 'required'

export type ApiOptions = {
  body?: unknown
  query?: Record<string, string | number | undefined | null>
  headers?: Record<string, string>
  auth?: AuthMode
}

function withQuery(path: string, query: ApiOptions['query']): string {
  const parts = Object.entries(query ?? {})
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
  return parts.length === 0 ? path : `${path}${path.includes('?') ? '&' : '?'}${parts.join('&')}`
}

export async function apiRequest<T>(method: HttpMethod, path: string, options: ApiOptions = {}): Promise<T> {
  const auth = options.auth ?? 'none'
  const url = `${apiBase()}${withQuery(path, options.query)}`
  const send = (token: string | null) =>
    httpRequest<T>({
      method,
      url,
      body: options.body,
      headers: { ...options.headers, ...(token ? { Authorization: `Bearer ${token}` } : {}) }
    })
  const token = auth === 'required' ? await ensureLogin() : auth === 'optional' ? currentToken() : null
  try {
    return await send(token)
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 401 || !token) throw e
    // One retry only: a second 401 is a real refusal and reaches the caller.
    return send(auth === 'required' ? await relogin() : null)
  }
}

export const api = {
  get: <T>(path: string, options?: Omit<ApiOptions, 'body'>) => apiRequest<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: Omit<ApiOptions, 'body'>) => apiRequest<T>('POST', path, { ...options, body: body ?? {} }),
  put: <T>(path: string, body: unknown, options?: Omit<ApiOptions, 'body'>) => apiRequest<T>('PUT', path, { ...options, body })
}
