/**
 * The admin's one QueryClient: every screen reads the staff API through
 * TanStack Query, keyed by the resource (`['orders', 'detail', id]`), and
 * every write invalidates the keys it changed so what is on screen is read
 * again. Retries only on network failures: a 4xx answer is an answer.
 */
import { QueryClient } from '@tanstack/react-query'
import { ApiError } from '../api/api-error'

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        retry: (failures, error) => error instanceof ApiError && error.status === 0 && failures < 2,
        refetchOnWindowFocus: true
      },
      mutations: { retry: false }
    }
  })
}

/** Query keys by resource; invalidating a prefix (`keys.orders.all`) reads every query under it again. */
export const keys = {
  orders: {
    all: ['orders'] as const,
    list: (filter: object) => ['orders', 'list', filter] as const,
    detail: (id: string) => ['orders', 'detail', id] as const,
    refunds: (filter: object) => ['orders', 'refunds', filter] as const
  },
  flags: ['flags'] as const,
  pages: {
    all: ['pages'] as const,
    list: ['pages', 'list'] as const,
    detail: (id: string) => ['pages', 'detail', id] as const,
    versions: (id: string) => ['pages', 'versions', id] as const
  },
  products: {
    all: ['products'] as const,
    list: ['products', 'list'] as const,
    detail: (id: string) => ['products', 'detail', id] as const
  },
  staff: ['staff'] as const,
  audit: ['audit'] as const,
  afterSales: {
    all: ['after-sales'] as const,
    list: (status: string) => ['after-sales', 'list', status] as const,
    settings: ['after-sales', 'settings'] as const
  },
  carriers: ['carriers'] as const,
  analytics: ['analytics'] as const
}
