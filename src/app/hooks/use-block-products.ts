// The products a page's blocks name but its answer did not carry (a live draft's
// new hotspot, a server older than a block type): read once each through the
// catalog API and merged in. A product that cannot be read is not asked for again.
import { useEffect, useMemo, useRef, useState } from 'react'
import type { Product } from '@core/contract/catalog'
import type { Block } from '@core/content'
import { getProduct } from '../services/catalog-api'
import { PENDING_PRODUCT } from '../components/blocks/shop-the-look-block'
import { productIdsOf } from '../services/content-api'

export function useBlockProducts(blocks: readonly Block[] | undefined, given: Record<string, Product> | undefined): Record<string, Product> {
  const [fetched, setFetched] = useState<Record<string, Product>>({})
  const asked = useRef(new Set<string>())
  useEffect(() => {
    if (!blocks) return
    const missing = productIdsOf(blocks).filter((id) => id !== PENDING_PRODUCT && !given?.[id] && !asked.current.has(id))
    if (missing.length === 0) return
    missing.forEach((id) => asked.current.add(id))
    void Promise.all(
      missing.map((id) =>
        getProduct(id).then(
          (p) => [id, p] as const,
          (e: unknown) => {
            console.warn(`content: product ${id} of a block could not be read`, e)
            return null
          }
        )
      )
    ).then((found) => {
      const got = found.filter((f): f is readonly [string, Product] => f !== null)
      if (got.length > 0) setFetched((prev) => ({ ...prev, ...Object.fromEntries(got) }))
    })
  }, [blocks, given])
  return useMemo(() => ({ ...fetched, ...given }), [fetched, given])
}
