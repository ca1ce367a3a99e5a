/** `POST /api/admin/media`: staff upload an image (one multipart file field) for products and pages. */
import { z } from 'zod'

export const media = z
  .object({
    id: z.string(),
    /** Absolute URL (PUBLIC_BASE_URL + path). */
    url: z.string(),
    /** `/media/<content hash>.<ext>`: what product images and page blocks store. */
    path: z.string(),
    mime: z.string(),
    sizeBytes: z.number().int()
  })
  .meta({ id: 'Media' })
export type Media = z.infer<typeof media>

export const adminMediaResponse = z.object({ media })
export type AdminMediaResponse = z.infer<typeof adminMediaResponse>
