import type { Product, ProductResponse } from '@core/contract/catalog'
import { api } from './api'
import { absoluteProduct } from './content-api'

export async function getProduct(id: string): Promise<Product> {
  const { product } = await api.get<ProductResponse>(`/api/v1/products/${encodeURIComponent(id)}`)
  return absoluteProduct(product)
}
