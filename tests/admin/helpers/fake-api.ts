/**
 * The network edge, faked: `fetch` (and the upload XHR) answer from a small
 * route table, and every call is recorded so tests can check what the admin
 * sent. Everything above the edge (api client, session, forms) is real.
 */
export interface FakeRequest {
  method: string
  path: string
  query: URLSearchParams
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever JSON the admin sent
  body: any
}
/** `body` is sent as JSON; `text` (with `headers`) as it is, for downloads such as CSV. */
export type FakeReply = { status: number; body?: unknown; text?: string; headers?: Record<string, string> }
export type Handler = (req: FakeRequest, params: Record<string, string>) => FakeReply | Promise<FakeReply>

export const ok = (body: unknown): FakeReply => ({ status: 200, body })
export const created = (body: unknown): FakeReply => ({ status: 201, body })
export const file = (text: string, headers: Record<string, string>): FakeReply => ({ status: 200, text, headers })
export const fail = (status: number, code: string, message: string, details: unknown = null): FakeReply => ({
  status,
  body: { error: { code, message, details } }
})

function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean)
  const got = path.split('/').filter(Boolean)
  if (want.length !== got.length) return null
  const params: Record<string, string> = {}
  for (let i = 0; i < want.length; i++) {
    if (want[i]!.startsWith(':')) params[want[i]!.slice(1)] = decodeURIComponent(got[i]!)
    else if (want[i] !== got[i]) return null
  }
  return params
}

export function fakeApi(initial: Record<string, Handler> = {}) {
  const routes: Record<string, Handler> = { ...initial }
  const calls: FakeRequest[] = []

  async function answer(method: string, url: string, rawBody: unknown): Promise<FakeReply> {
    const u = new URL(url, 'http://admin.test')
    let body: unknown = rawBody
    if (typeof rawBody === 'string' && rawBody !== '') body = JSON.parse(rawBody)
    const req: FakeRequest = { method, path: u.pathname, query: u.searchParams, body }
    calls.push(req)
    for (const [key, handler] of Object.entries(routes)) {
      const [m, pattern] = key.split(' ')
      const params = m === method ? match(pattern!, u.pathname) : null
      if (params) return handler(req, params)
    }
    return fail(404, 'ROUTE_NOT_FOUND', `fake api: no route ${method} ${u.pathname}`)
  }

  global.fetch = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const reply = await answer(init?.method ?? 'GET', String(input), init?.body ?? undefined)
    const text = reply.text ?? (reply.body === undefined ? '' : JSON.stringify(reply.body))
    const headers = Object.fromEntries(Object.entries(reply.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]))
    return {
      ok: reply.status >= 200 && reply.status < 300,
      status: reply.status,
      headers: { get: (name: string) => headers[name.toLowerCase()] ?? null },
      text: async () => text,
      blob: async () => new Blob([text], { type: headers['content-type'] ?? 'application/json' })
    } as unknown as Response
  }) as typeof fetch

  return {
    calls,
    on(key: string, handler: Handler) {
      routes[key] = handler
    },
    /** Calls of one method and path (exact, no query). */
    callsTo(method: string, path: string) {
      return calls.filter((c) => c.method === method && c.path === path)
    },
    answer
  }
}

export type FakeApi = ReturnType<typeof fakeApi>

/**
 * XMLHttpRequest for the upload: reports 50% progress, then answers from the
 * same table once `release()` is called (so a test can see the progress).
 */
export function fakeUploadXhr(api: FakeApi) {
  let release: () => void = () => undefined
  const released = new Promise<void>((resolve) => (release = resolve))
  class FakeXhr {
    status = 0
    responseText = ''
    withCredentials = false
    upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null }
    onload: (() => void) | null = null
    onerror: (() => void) | null = null
    private method = 'GET'
    private url = ''
    open(method: string, url: string) {
      this.method = method
      this.url = url
    }
    setRequestHeader() {}
    send(form: FormData) {
      const file = form.get('file') as File
      void (async () => {
        this.upload.onprogress?.({ lengthComputable: true, loaded: file.size / 2, total: file.size })
        await released
        const reply = await api.answer(this.method, this.url, { fileName: file.name })
        this.status = reply.status
        this.responseText = JSON.stringify(reply.body)
        this.onload?.()
      })()
    }
  }
  ;(global as unknown as { XMLHttpRequest: unknown }).XMLHttpRequest = FakeXhr
  return { release: () => release() }
}
