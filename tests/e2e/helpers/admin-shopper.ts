// A shopper through the real API, for the admin test: log in through the sandbox's
// wx.login, send events, order, pay on the sandbox, and wait until WeChat Pay's
// notification made the order paid.
import { randomUUID } from 'node:crypto'
import type { OrderDto } from '@core/contract/orders'
import { poll } from '../../helpers/poll'

async function call<T>(url: string, init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
  const res = await fetch(url, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
      ...init.headers
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body)
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url} → ${res.status}: ${text}`)
  return (text ? JSON.parse(text) : {}) as T
}

export async function shopperBuys(stack: { apiUrl: string; sandboxUrl: string }, slug: string, skuId: string, productId: string): Promise<OrderDto> {
  const anonId = `anon-${randomUUID()}`
  const sessionId = `s-${randomUUID()}`
  const { code } = await call<{ code: string }>(`${stack.sandboxUrl}/sandbox/login-code`, { body: {} })
  const { token } = await call<{ token: string }>(`${stack.apiUrl}/api/v1/auth/login`, { body: { code, anonId } })
  const event = (type: string, extra: Record<string, unknown> = {}) => ({ id: randomUUID(), type, ts: Date.now(), anonId, sessionId, contentSlug: slug, ...extra })
  const sent = await call<{ accepted: number; rejected: unknown[] }>(`${stack.apiUrl}/api/v1/events`, {
    token,
    body: { events: [event('content_view'), event('add_to_cart', { productId, skuId, qty: 1 }), event('checkout_start')] }
  })
  if (sent.rejected.length > 0) throw new Error(`events rejected: ${JSON.stringify(sent.rejected)}`)

  const { order } = await call<{ order: OrderDto }>(`${stack.apiUrl}/api/v1/orders`, {
    token,
    headers: { 'Idempotency-Key': randomUUID() },
    body: {
      items: [{ skuId, qty: 1 }],
      address: { name: '林小满', phone: '13800138000', province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路 1 号' },
      attribution: { contentSlug: slug }
    }
  })
  const { payment } = await call<{ payment: { package: string } }>(`${stack.apiUrl}/api/v1/orders/${order.id}/pay`, { token, body: {} })
  const prepayId = payment.package.replace(/^prepay_id=/, '')
  await call(`${stack.sandboxUrl}/sandbox/pay/${encodeURIComponent(prepayId)}/confirm`, { body: {} })
  const current = async () => (await call<{ order: OrderDto }>(`${stack.apiUrl}/api/v1/orders/${order.id}?sync=1`, { token })).order
  return poll(current, { until: (now) => now.status === 'paid', what: `order ${order.id} to be paid`, timeoutMs: 20_000, everyMs: 250 })
}
