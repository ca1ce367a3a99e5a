/** The staff API's product body: `{title, description, images, skus:[{id?, attrs, priceFen, stock}]}`. */
import { z } from 'zod'
import { isId } from '@core/ids'
import { MEDIA_URL_PATTERN } from '@core/content'

const mediaUrl = z.string().max(2048).regex(MEDIA_URL_PATTERN, 'an http(s) URL or a /media/ path')

const skuInput = z.object({
  id: z.string().refine(isId, 'not an id').optional(),
  attrs: z
    .record(z.string().trim().min(1).max(20), z.string().trim().min(1).max(50))
    .refine((a) => Object.keys(a).length <= 5, 'at most 5 attributes'),
  priceFen: z.number().int('whole fen').min(0).max(100_000_000),
  stock: z.number().int().min(0).max(10_000_000)
})

export const productInputSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    description: z.string().max(5000).default(''),
    images: z.array(mediaUrl).max(20).default([]),
    skus: z.array(skuInput).min(1, 'a product needs at least one SKU').max(100)
  })
  .superRefine((p, ctx) => {
    const seen = new Map<string, number>()
    p.skus.forEach((s, i) => {
      const key = JSON.stringify(Object.entries(s.attrs).sort(([a], [b]) => a.localeCompare(b)))
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
