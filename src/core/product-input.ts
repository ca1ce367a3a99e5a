// The staff API's product body `{title, description, images, skus:[{id?, attrs,
// priceFen, stock}]}` and its limits: the server parses with the schema, the
// admin's product form checks the same limits before sending (in Chinese).
import { z } from 'zod'
import { MEDIA_URL_PATTERN } from './content-fields'
import { isId } from './ids'

export const PRODUCT_LIMITS = {
  titleMax: 200,
  descriptionMax: 5000,
  imagesMax: 20,
  skusMax: 100,
  /** Attributes per SKU (颜色, 尺码, …). */
  attrsMax: 5,
  attrNameMax: 20,
  attrValueMax: 50,
  /** ¥1,000,000. */
  priceFenMax: 100_000_000,
  stockMax: 10_000_000
} as const

const L = PRODUCT_LIMITS

const mediaUrl = z.string().max(2048).regex(MEDIA_URL_PATTERN, 'an http(s) URL or a /media/ path')

const skuInput = z.object({
  id: z.string().refine(isId, 'not an id').optional(),
  attrs: z
    .record(z.string().trim().min(1).max(L.attrNameMax), z.string().trim().min(1).max(L.attrValueMax))
    .refine((a) => Object.keys(a).length <= L.attrsMax, `at most ${L.attrsMax} attributes`),
  priceFen: z.number().int('whole fen').min(0).max(L.priceFenMax),
  stock: z.number().int().min(0).max(L.stockMax)
})

/** The attributes as one key, whatever their order: two SKUs with the same key are the same SKU. */
export function skuAttrsKey(attrs: Record<string, string>): string {
  return JSON.stringify(Object.entries(attrs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

export const productInputSchema = z
  .object({
    title: z.string().trim().min(1).max(L.titleMax),
    description: z.string().max(L.descriptionMax).default(''),
    images: z.array(mediaUrl).max(L.imagesMax).default([]),
    skus: z.array(skuInput).min(1, 'a product needs at least one SKU').max(L.skusMax)
  })
  .superRefine((p, ctx) => {
    const seen = new Map<string, number>()
    p.skus.forEach((s, i) => {
      const key = skuAttrsKey(s.attrs)
      const first = seen.get(key)
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['skus', i, 'attrs'], message: `same attributes as skus.${first}` })
      }
      seen.set(key, i)
      if (s.id !== undefined && p.skus.findIndex((o) => o.id === s.id) !== i) {
        ctx.addIssue({ code: 'custom', path: ['skus', i, 'id'], message: 'SKU id listed twice' })
      }
    })
  })

export type ProductInput = z.output<typeof productInputSchema>

/** Staff's stock field: a whole number from 0 to the limit; the Chinese problem, or null when fine. */
export function stockProblem(stock: number | null): string | null {
  if (stock === null || !Number.isInteger(stock) || stock < 0) return '库存需要是 0 或正整数'
  if (stock > L.stockMax) return `库存最多 ${L.stockMax.toLocaleString('en-US')}`
  return null
}
