/** Products through TanStack Query; a save puts the answer in the cache and reads the lists again. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { Product } from '@core/contract/catalog'
import type { ProductInput } from '@core/contract/admin-catalog'
import { keys } from '../query/query-client'
import { listAllProducts, productsApi } from './products-api'

export function useAllProducts() {
  return useQuery({ queryKey: keys.products.list, queryFn: listAllProducts })
}

export function useProduct(id: string | undefined) {
  return useQuery({ queryKey: keys.products.detail(id ?? ''), queryFn: () => productsApi.get(id as string), enabled: Boolean(id) })
}

export function useSaveProduct(existing: Product | null) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: ProductInput) => (existing ? productsApi.update(existing.id, input) : productsApi.create(input)),
    onSuccess: (saved) => {
      client.setQueryData(keys.products.detail(saved.id), saved)
      void client.invalidateQueries({ queryKey: keys.products.list })
    }
  })
}
