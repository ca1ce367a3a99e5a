/** Shopper login (`POST /api/v1/auth/login`) and the token check (`GET /api/v1/me`). */
import { z } from 'zod'
import { isId } from '../ids'

export const loginRequest = z.object({
  /** The code of wx.login, exchanged with WeChat for the shopper's openid. */
  code: z.string().min(1).max(128),
  /** The device's anonymous id, so its events before login join the shopper. */
  anonId: z.string().refine(isId, 'letters, digits, _ or -, at most 64').optional()
})
export type LoginRequest = z.input<typeof loginRequest>

export const shopperUser = z.object({ id: z.string() })
export const loginResponse = z.object({ token: z.string(), user: shopperUser })
export type LoginResponse = z.infer<typeof loginResponse>

export const meResponse = z.object({ user: shopperUser })
export type MeResponse = z.infer<typeof meResponse>
