// The cart: lines live on the device (zustand, persisted in Taro storage) and are
// priced by the server (PUT /cart). The first sync after a login as a new user
// merges the guest cart into that user's server cart (PUT with merge: the same SKU
// adds up); later syncs replace the server cart with the device's lines.
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { CartDto } from '@core/contract/cart'
import { addLine, normalizeLines, removeLine, setQty as setLineQty, type CartEditCode, type CartLine } from '@core/cart'
import type { Result } from '@core/result'
import { itemCount } from '@core/order-summary'
import { currentUserId, ensureLogin } from '../services/auth'
import { saveServerCart } from '../services/cart-api'
import { taroStateStorage } from '../services/storage'

export type CartStatus = 'idle' | 'loading' | 'ready' | 'error'

type CartState = {
  lines: CartLine[]
  /** The user whose server cart these lines belong to; null while a guest cart. */
  owner: string | null
  priced: CartDto | null
  status: CartStatus
  error: string | null
  add: (skuId: string, qty: number, sku: { stock: number; priceFen: number }) => Result<CartLine[], CartEditCode>
  setQty: (skuId: string, qty: number) => Result<CartLine[], CartEditCode>
  remove: (skuId: string) => void
  removeMany: (skuIds: readonly string[]) => void
  acceptPrices: () => void
  /** Logs in when needed, merges a guest cart once, then has the server price the lines. */
  sync: () => Promise<void>
}

let version = 0
let running: Promise<void> | null = null

export const useCartStore = create<CartState>()(
  persist(
    (set, get) => {
      const edit = (result: Result<CartLine[], CartEditCode>) => {
        if (result.ok) {
          version++
          set({ lines: result.value })
        }
        return result
      }
      const setLines = (lines: CartLine[]) => {
        version++
        set({ lines })
      }

      async function syncOnce(): Promise<void> {
        set({ status: get().priced ? 'ready' : 'loading', error: null })
        try {
          await ensureLogin()
          const userId = currentUserId()
          if (userId && get().owner !== userId) {
            const started = version
            const merged = await saveServerCart(normalizeLines(get().lines).map(({ skuId, qty }) => ({ skuId, qty })), { merge: true })
            const seen = new Map(get().lines.map((l) => [l.skuId, l.seenPriceFen]))
            const lines = merged.items.map(({ skuId, qty }) => ({ skuId, qty, ...(seen.get(skuId) === undefined ? {} : { seenPriceFen: seen.get(skuId) }) }))
            // Lines edited during the merge are sent again by the loop below.
            set({ owner: userId, ...(version === started ? { lines, priced: merged, status: 'ready' } : {}) })
            if (version === started) return
          }
          for (;;) {
            const started = version
            const priced = await saveServerCart(get().lines.map(({ skuId, qty }) => ({ skuId, qty })))
            // Edited while the request was out: price the newer lines instead.
            if (version === started) {
              set({ priced, status: 'ready' })
              return
            }
          }
        } catch (e) {
          set({ status: 'error', error: (e as Error).message })
        }
      }

      return {
        lines: [],
        owner: null,
        priced: null,
        status: 'idle',
        error: null,
        add: (skuId, qty, sku) => edit(addLine(get().lines, skuId, qty, { stock: sku.stock, priceFen: sku.priceFen })),
        setQty: (skuId, qty) => {
          const line = get().priced?.items.find((l) => l.skuId === skuId)
          return edit(setLineQty(get().lines, skuId, qty, line && line.productId !== null ? line.maxQty : undefined))
        },
        remove: (skuId) => setLines(removeLine(get().lines, skuId)),
        removeMany: (skuIds) => setLines(get().lines.filter((l) => !skuIds.includes(l.skuId))),
        acceptPrices: () => {
          const prices = new Map((get().priced?.items ?? []).filter((l) => l.productId !== null).map((l) => [l.skuId, l.priceFen]))
          setLines(get().lines.map((l) => (prices.has(l.skuId) ? { ...l, seenPriceFen: prices.get(l.skuId) } : l)))
        },
        sync: () => {
          // One sync at a time; a call during one waits for it, then runs with the latest lines.
          const next = (running ?? Promise.resolve()).then(syncOnce)
          running = next
          void next.finally(() => {
            if (running === next) running = null
          })
          return next
        }
      }
    },
    {
      name: 'cart',
      version: 1,
      storage: createJSONStorage(() => taroStateStorage),
      partialize: (s) => ({ lines: s.lines, owner: s.owner })
    }
  )
)

/** Units in the cart (for badges). */
export const selectCartCount = (s: Pick<CartState, 'lines'>) => itemCount(s.lines)
