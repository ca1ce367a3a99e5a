// The network edge for app tests: Taro.request (and Taro.uploadFile, as a POST whose
// body is {filePath, name}) answered by routes the test declares, every call recorded
// (method, path, query, body, headers).
import Taro from '@tarojs/taro'
import { installTaroExtras } from './taro-extras'

installTaroExtras()

export type Call = { method: string; path: string; query: URLSearchParams; body: unknown; headers: Record<string, string>; url: string }
type Answer = { status?: number; body?: unknown } | Error
type Handler = (call: Call) => Answer | Promise<Answer>

export function fakeBackend() {
  const routes: Array<{ method: string; path: string | RegExp; handler: Handler }> = []
  const calls: Call[] = []
  const request = Taro.request as unknown as jest.Mock
  request.mockImplementation(async (opts: { url: string; method?: string; data?: unknown; header?: Record<string, string> }) => {
    const url = new URL(opts.url)
    const call: Call = {
      method: opts.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      body: typeof opts.data === 'string' ? JSON.parse(opts.data) : opts.data,
      headers: opts.header ?? {},
      url: opts.url
    }
    calls.push(call)
    const route = [...routes].reverse().find((r) => r.method === call.method && (typeof r.path === 'string' ? r.path === call.path : r.path.test(call.path)))
    if (!route) return { statusCode: 404, data: { error: { code: 'NOT_FOUND', message: `no fake route for ${call.method} ${call.path}` } } }
    const answer = await route.handler(call)
    if (answer instanceof Error) throw answer
    return { statusCode: answer.status ?? 200, data: answer.body ?? {} }
  })
  const upload = Taro.uploadFile as unknown as jest.Mock
  upload.mockImplementation(async (opts: { url: string; filePath: string; name: string; header?: Record<string, string> }) => {
    const answer = await request({ url: opts.url, method: 'POST', data: { filePath: opts.filePath, name: opts.name }, header: opts.header })
    // uploadFile answers its body as text, like WeChat's.
    return { statusCode: answer.statusCode, data: JSON.stringify(answer.data) }
  })
  const api = {
    calls,
    on(method: string, path: string | RegExp, handler: Handler | Answer) {
      routes.push({ method, path, handler: typeof handler === 'function' ? handler : () => handler })
      return api
    },
    callsTo(method: string, path: string | RegExp) {
      return calls.filter((c) => c.method === method && (typeof path === 'string' ? c.path === path : path.test(c.path)))
    },
    /** The usual login pair: sandbox code (H5) and our token. */
    withLogin(userId = 'u1', token = 'tok-1') {
      api.on('POST', '/sandbox/login-code', { body: { code: 'code-1', openid: 'openid-test-1' } })
      api.on('POST', '/api/v1/auth/login', { body: { token, user: { id: userId } } })
      return api
    }
  }
  return api
}

export function apiError(status: number, code: string, message: string, details?: unknown): Answer {
  return { status, body: { error: { code, message, ...(details === undefined ? {} : { details }) } } }
}
