/**
 * Orders through TanStack Query. An order whose refund WeChat Pay has not
 * answered yet (退款中, or a refund still 处理中) is read again every
 * `pollMs` until it settles; every write puts the server's answer in the
 * cache and invalidates the order lists, so no screen shows a stale status.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { Order } from '@core/contract/admin-orders'
import { usePollMs } from '../query/polling'
import { keys } from '../query/query-client'
import { ordersApi, type OrderFilter } from './orders-api'

/** True while the server is still waiting for WeChat Pay's answer on a refund of this order. */
export function isSettling(order: Pick<Order, 'status' | 'refunds'> | undefined): boolean {
  if (!order) return false
  return order.status === 'refunding' || order.refunds.some((r) => r.status === 'processing')
}

/** refetchInterval for an order: `pollMs` while it settles, no polling otherwise. */
export function orderPollInterval(order: Pick<Order, 'status' | 'refunds'> | undefined, pollMs: number): number | false {
  return isSettling(order) ? pollMs : false
}

export function useOrder(id: string) {
  const pollMs = usePollMs()
  return useQuery({
    queryKey: keys.orders.detail(id),
    queryFn: () => ordersApi.get(id),
    refetchInterval: (query) => orderPollInterval(query.state.data, pollMs)
  })
}

/** A list with 加载更多: pages follow the server's cursor. */
export function useOrderPages(filter: Omit<OrderFilter, 'cursor'>) {
  return useInfiniteQuery({
    queryKey: keys.orders.list(filter),
    queryFn: ({ pageParam }) => ordersApi.list({ ...filter, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined
  })
}

export function useOpenFlags() {
  return useQuery({ queryKey: keys.flags, queryFn: async () => (await ordersApi.flags()).filter((f) => !f.resolvedAt) })
}

/** After any write to an order: its own answer in the cache, then every order query read again. */
export function useOrderChanged() {
  const client = useQueryClient()
  return (order?: Order) => {
    if (order) client.setQueryData(keys.orders.detail(order.id), order)
    void client.invalidateQueries({ queryKey: keys.orders.all })
    void client.invalidateQueries({ queryKey: keys.flags })
    void client.invalidateQueries({ queryKey: keys.afterSales.all })
    void client.invalidateQueries({ queryKey: keys.analytics })
  }
}

export function useRefundOrder(id: string) {
  const changed = useOrderChanged()
  return useMutation({
    mutationFn: ({ amountFen, reason }: { amountFen: number; reason: string }) => ordersApi.refund(id, amountFen, reason),
    onSuccess: (order) => changed(order)
  })
}
