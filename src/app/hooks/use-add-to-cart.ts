// What the SKU picker's buttons do on the content and product pages: add to the
// cart in place (with its event, naming the block it came from), or check this one SKU out right away.
import { useCallback } from 'react'
import type { Product } from '@core/contract/catalog'
import { imageFor } from '@core/sku-image'
import type { PickerAction } from '../components/sku-picker'
import type { BlockRef } from './use-block-views'
import { go, routes, toast } from '../services/nav'
import { tracker } from '../services/tracker'
import { useCartStore } from '../stores/cart-store'
import { useCheckoutStore } from '../stores/checkout-store'

export function useAddToCart(context: { contentSlug?: string }) {
  const add = useCartStore((s) => s.add)
  const startCheckout = useCheckoutStore((s) => s.start)
  const { contentSlug } = context
  return useCallback(
    async (product: Product, skuId: string, qty: number, action: PickerAction, from?: BlockRef): Promise<boolean> => {
      const sku = product.skus.find((s) => s.id === skuId)
      if (!sku) {
        toast('该规格已不存在，请重新选择')
        return false
      }
      if (action === 'buy') {
        startCheckout('buy-now', [{ skuId, qty, productId: product.id, title: product.title, attrs: sku.attrs, priceFen: sku.priceFen, image: imageFor(product, sku.attrs) }])
        go(routes.checkout)
        return true
      }
      const result = add(skuId, qty, { stock: sku.stock, priceFen: sku.priceFen })
      if (!result.ok) {
        toast(result.error.message)
        return false
      }
      // From a block of a content page: the per-block report counts it for that block.
      tracker.track('add_to_cart', { skuId, qty, productId: product.id, ...(contentSlug ? { contentSlug } : {}), ...(from ? { props: { ...from } } : {}) })
      toast('已加入购物车', 'success')
      return true
    },
    [add, startCheckout, contentSlug]
  )
}
