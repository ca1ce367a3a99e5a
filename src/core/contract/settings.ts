/** Shop-wide settings staff may change (`GET/PUT /api/admin/settings`). */
import { z } from 'zod'

export const shopSettings = z.object({ afterSaleAutoApprove: z.boolean() }).meta({ id: 'ShopSettings' })
export type ShopSettings = z.infer<typeof shopSettings>

/** PUT: the settings to change; the others keep their values. */
export const settingsRequest = z.object({ afterSaleAutoApprove: z.boolean().optional() }).strict()
export type SettingsRequest = z.infer<typeof settingsRequest>

export const settingsResponse = z.object({ settings: shopSettings })
export type SettingsResponse = z.infer<typeof settingsResponse>
