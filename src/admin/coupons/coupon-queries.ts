/** Coupon templates (admins only) through TanStack Query; a save reads the list again. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { CouponDto, CouponInput } from '@core/contract/coupons'
import { api } from '../api/client'

export const couponKeys = { all: ['coupons'] as const, list: ['coupons', 'list'] as const }

export const couponsApi = {
  list: () => api.get<{ items: CouponDto[] }>('/api/admin/coupons').then((r) => r.items),
  create: (input: CouponInput) => api.post<{ coupon: CouponDto }>('/api/admin/coupons', input).then((r) => r.coupon),
  update: (id: string, input: CouponInput) => api.put<{ coupon: CouponDto }>(`/api/admin/coupons/${encodeURIComponent(id)}`, input).then((r) => r.coupon)
}

export function useCoupons(enabled = true) {
  return useQuery({ queryKey: couponKeys.list, queryFn: couponsApi.list, enabled })
}

export function useSaveCoupon(existing: CouponDto | null) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: CouponInput) => (existing ? couponsApi.update(existing.id, input) : couponsApi.create(input)),
    onSuccess: () => void client.invalidateQueries({ queryKey: couponKeys.all })
  })
}
