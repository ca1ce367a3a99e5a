// A shopper against the cluster's public URL (the proxy): logs in with a code from the
// sandbox's wx.login, orders with an Idempotency-Key, asks for payment parameters.
// Answers keep their status, since races are judged by status.
import { randomUUID } from 'node:crypto'
import type { OrderDto } from '@core/contract/orders'
import type { Sandbox } from '../../../src/sandbox/sandbox'

export const ADDRESS = { name: '周一鸣', phone: '13900139000', province: '广东省', city: '深圳市', district: '南山区', detail: '科技园 8 号' }

export interface Answer<T = unknown> {
  status: number
  body: T
}

export async function callJson<T = unknown>(url: string, init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer<T>> {
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
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T }
}

export interface ClusterShopper {
  userId: string
  token: string
  order(items: Array<{ skuId: string; qty: number }>): Promise<Answer<{ order: OrderDto; error?: { code: string } }>>
  /** POST /orders/:id/pay → the prepay_id inside the payment package. */
  prepay(orderId: string): Promise<string>
  get(orderId: string): Promise<OrderDto>
}

export async function shopperOn(baseUrl: string, sandbox: Sandbox): Promise<ClusterShopper> {
  const { code } = sandbox.loginCode()
  const login = await callJson<{ token: string; user: { id: string } }>(`${baseUrl}/api/v1/auth/login`, { body: { code, anonId: `anon-${randomUUID()}` } })
  if (login.status !== 200) throw new Error(`shopper login → ${login.status}: ${JSON.stringify(login.body)}`)
  const { token } = login.body
  return {
    userId: login.body.user.id,
    token,
    order: (items) =>
      callJson(`${baseUrl}/api/v1/orders`, { token, headers: { 'Idempotency-Key': randomUUID() }, body: { items, address: ADDRESS } }),
    async prepay(orderId) {
      const res = await callJson<{ payment: { package: string } }>(`${baseUrl}/api/v1/orders/${orderId}/pay`, { token, body: {} })
      if (res.status !== 200) throw new Error(`pay ${orderId} → ${res.status}: ${JSON.stringify(res.body)}`)
      return res.body.payment.package.replace(/^prepay_id=/, '')
    },
    async get(orderId) {
      const res = await callJson<{ order: OrderDto }>(`${baseUrl}/api/v1/orders/${orderId}`, { token })
      if (res.status !== 200) throw new Error(`GET order ${orderId} → ${res.status}: ${JSON.stringify(res.body)}`)
      return res.body.order
    }
  }
}
