// WeChat's side of trade management, as the sandbox plays it: what the test tells it
// (answer an errcode the next few times) and what it saw (the backend's calls, the
// trade-managed order's state).
export interface MpCall {
  api: string
  at: string
  body: Record<string, unknown>
  errcode: number
}

export interface UploadBody {
  order_key: { order_number_type: number; transaction_id?: string; mchid?: string; out_trade_no?: string }
  logistics_type: number
  delivery_mode: number
  shipping_list: Array<{ tracking_no?: string; express_company?: string; item_desc: string; contact?: { receiver_contact?: string } }>
  upload_time: string
  payer: { openid: string }
}

export function wechatSide(sandboxUrl: string) {
  const call = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${sandboxUrl}${route}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body)
    })
    const text = await res.text()
    if (!res.ok) throw new Error(`sandbox ${method} ${route} → ${res.status}: ${text}`)
    return JSON.parse(text) as T
  }
  return {
    /** The next `times` calls of `api` answer `errcode`. */
    fail: (api: string, errcode: number, times: number) => call('POST', '/sandbox/mp/fail', { api, errcode, times }),
    calls: async (api: string) => (await call<{ items: MpCall[] }>('GET', `/sandbox/mp/calls?api=${encodeURIComponent(api)}`)).items,
    /** The trade-managed order (get_order's answer), or undefined before payment. */
    order: async (transactionId: string) => {
      const res = await fetch(`${sandboxUrl}/sandbox/mp/orders/${encodeURIComponent(transactionId)}`)
      if (res.status === 404) return undefined
      if (!res.ok) throw new Error(`sandbox GET /sandbox/mp/orders/${transactionId} → ${res.status}: ${await res.text()}`)
      return ((await res.json()) as { order: { order_state: number } & Record<string, unknown> }).order
    }
  }
}
