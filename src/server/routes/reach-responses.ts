/** Non-JSON answers of the reach routes, declared for the OpenAPI document: a PNG code, an HTML page. */
import { z } from 'zod'

export const pngResponses = {
  200: { description: 'the mini-program code, PNG', content: { 'image/png': { schema: z.any().describe('PNG bytes') } } }
} as const

export const htmlResponses = {
  200: { description: 'the landing page', content: { 'text/html': { schema: z.string().describe('HTML') } } },
  404: { description: 'no campaign with this code', content: { 'text/html': { schema: z.string().describe('HTML') } } }
} as const
