// What is being checked out (from the cart, or one SKU through 立即购买), the address
// last used, and the idempotency key of this checkout attempt: a retried submit
// reuses it, so the server creates the order once.
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { SkuAttrs } from '@core/contract/catalog'
import type { Address } from '@core/contract/orders'
import { newId } from '../services/ids'
import { taroStateStorage } from '../services/storage'

export type CheckoutItem = { skuId: string; qty: number; productId: string; title: string; attrs: SkuAttrs; priceFen: number; image?: string }
export type CheckoutSource = 'cart' | 'buy-now'

type CheckoutState = {
  items: CheckoutItem[]
  source: CheckoutSource
  address: Address | null
  attemptKey: string
  start: (source: CheckoutSource, items: CheckoutItem[]) => void
  setAddress: (address: Address) => void
  /** After an order exists for this attempt: the next submit is a new order. */
  finish: () => void
}

export const useCheckoutStore = create<CheckoutState>()(
  persist(
    (set) => ({
      items: [],
      source: 'cart',
      address: null,
      attemptKey: newId('ck'),
      start: (source, items) => set({ source, items, attemptKey: newId('ck') }),
      setAddress: (address) => set({ address }),
      finish: () => set({ items: [], attemptKey: newId('ck') })
    }),
    { name: 'checkout', version: 1, storage: createJSONStorage(() => taroStateStorage) }
  )
)
