/**
 * Staff replace a product (PUT semantics). SKUs sent with an id are updated
 * in place, SKUs without one are added, and SKUs left out are deactivated,
 * not deleted, because orders keep pointing at them.
 */
import { err, ok, type Result } from '@core/result'
import type { Product } from '@core/catalog'
import {
  allSkuIdsOf,
  deactivateSkusExcept,
  findProductRow,
  insertSku,
  updateProductRow,
  updateSku
} from '../../db/repos/product-repo'
import type { Deps } from '../../deps'
import { newId } from '../../ids'
import type { ProductInput } from '../../inputs/product-input'
import { recordAudit } from '../audit/record-audit'
import { loadProducts } from './load-products'
import { contentChanged } from '../../cache/content-changes'

export async function updateProduct(
  deps: Deps,
  actorId: string,
  id: string,
  input: ProductInput
): Promise<Result<Product>> {
  const now = deps.clock.now()
  const outcome = await deps.db.transaction().execute(async (trx) => {
    if (!(await findProductRow(trx, id))) return err('PRODUCT_NOT_FOUND', `No product ${id}`)
    const own = new Set((await allSkuIdsOf(trx, id)).map((s) => s.id))
    const foreign = input.skus.findIndex((s) => s.id !== undefined && !own.has(s.id))
    if (foreign >= 0) {
      return err('VALIDATION_FAILED', 'A SKU id does not belong to this product', [
        { path: `skus.${foreign}.id`, message: 'not a SKU of this product; leave id out to add a new SKU' }
      ])
    }
    await updateProductRow(trx, id, {
      title: input.title,
      description: input.description,
      images: JSON.stringify(input.images),
      updatedAt: now.toISOString()
    })
    const kept: string[] = []
    for (const [position, sku] of input.skus.entries()) {
      const fields = { attrs: JSON.stringify(sku.attrs), priceFen: sku.priceFen, stock: sku.stock, position, active: 1 }
      if (sku.id !== undefined) {
        await updateSku(trx, sku.id, fields)
        kept.push(sku.id)
      } else {
        const skuId = newId('sku')
        await insertSku(trx, { id: skuId, productId: id, ...fields })
        kept.push(skuId)
      }
    }
    await deactivateSkusExcept(trx, id, kept)
    await contentChanged(trx, { kind: 'product', productId: id })
    await recordAudit(trx, now, actorId, 'product.update', { type: 'product', id }, {
      title: input.title,
      skus: input.skus.length
    })
    return ok(undefined)
  })
  if (!outcome.ok) return outcome
  const product = (await loadProducts(deps.db, [id])).get(id)
  if (!product) throw new Error(`product ${id} vanished right after update`)
  return ok(product)
}
