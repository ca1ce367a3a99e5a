/**
 * Media: a shopper's photo upload (`POST /api/v1/media`, one multipart file
 * field) and the bytes of uploaded files (`GET /media/:file`).
 */
import { z } from 'zod'

export const mediaResponse = z.object({ url: z.string().describe('absolute URL of the stored file') })
export type MediaResponse = z.infer<typeof mediaResponse>

export const mediaFileParams = z.object({ file: z.string().describe('<32 hex digits of the content hash>.<jpg|png|gif|webp|mp4>') })

const bytes = z.any().describe('the file as stored')
/** The file's bytes, as its type: 200 whole, 206 one range, 304 when the ETag matches. */
export const mediaFileResponses = {
  200: {
    description: 'the whole file (cacheable for a year: names are content hashes)',
    content: { 'image/jpeg': { schema: bytes }, 'image/png': { schema: bytes }, 'image/gif': { schema: bytes }, 'image/webp': { schema: bytes }, 'video/mp4': { schema: bytes } }
  },
  206: { description: 'one `bytes=a-b` range of the file (video players)', content: { 'video/mp4': { schema: bytes }, 'image/jpeg': { schema: bytes } } },
  304: { description: 'not modified (If-None-Match matched the ETag)', content: { 'text/plain': { schema: z.any().describe('empty') } } },
  416: { description: 'the range is outside the file', content: { 'text/plain': { schema: z.any().describe('empty') } } }
} as const
