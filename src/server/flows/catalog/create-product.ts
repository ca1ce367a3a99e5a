/** Staff create a product with its SKUs; SKU ids are minted here. */
import type { Product } from '@core/catalog'
import { insertProduct, insertSku } from '../../db/repos/product-repo'
import type { Deps } from '../../deps'
import { newId } from '../../ids'
import type { ProductInput } from '../../inputs/product-input'
import { recordAudit } from '../audit/record-audit'
import { loadProducts } from './load-products'
import { contentChanged } from '../../cache/content-changes'

export async function createProduct(deps: Deps, actorId: string, input: ProductInput): Promise<Product> {
  const now = deps.clock.now()
  const id = newId('prd')
  await deps.db.transaction().execute(async (trx) => {
    await insertProduct(trx, {
      id,
      title: input.title,
      description: input.description,
      images: JSON.stringify(input.images),
      createdAt: now.toISOString(),
      updatedAt: now.toISOString()
    })
    for (const [position, sku] of input.skus.entries()) {
      await insertSku(trx, {
        id: newId('sku'),
        productId: id,
        attrs: JSON.stringify(sku.attrs),
        priceFen: sku.priceFen,
        stock: sku.stock,
        position,
        active: 1
      })
    }
    await contentChanged(trx, { kind: 'product', productId: id })
    await recordAudit(trx, now, actorId, 'product.create', { type: 'product', id }, { title: input.title })
  })
  const product = (await loadProducts(deps.db, [id])).get(id)
  if (!product) throw new Error(`product ${id} vanished right after insert`)
  return product
}
