/**
 * Reach beyond the chat: campaigns (links and codes a brand posts on Weibo,
 * in SMS, e-mail, print), server-issued shares and their mini-program codes,
 * what a scanned scene means, the shopper's public profile, product search.
 */
import { z } from 'zod'
import { SLUG_PATTERN } from '../content-page'
import { CAMPAIGN_CHANNELS, CAMPAIGN_CODE_PATTERN, SHARE_CHANNELS } from '../event-schema'
import { id, isoTime, paged, pageQuery } from './common'
import { product } from './catalog'

const slug = z.string().max(64).regex(SLUG_PATTERN, 'not a page slug')
export const campaignCode = z.string().regex(CAMPAIGN_CODE_PATTERN, 'not a campaign code')

/** What a campaign or a share points at: a content page or a product. */
export const reachTarget = z.union([z.object({ contentSlug: slug }).strict(), z.object({ productId: id }).strict()])
export type ReachTarget = z.infer<typeof reachTarget>

export const campaignInput = z.object({
  name: z.string().trim().min(1).max(60),
  channel: z.enum(CAMPAIGN_CHANNELS),
  target: reachTarget
})
export type CampaignInput = z.infer<typeof campaignInput>

/** A campaign's figures since it was created (same definitions as the channel report). */
export const campaignFigures = z.object({
  opens: z.number().int(),
  newUsers: z.number().int(),
  addToCarts: z.number().int(),
  orders: z.number().int(),
  paidOrders: z.number().int(),
  paidFen: z.number().int(),
  refundedFen: z.number().int()
})
export type CampaignFigures = z.infer<typeof campaignFigures>

export const campaignDto = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    channel: z.enum(CAMPAIGN_CHANNELS),
    target: reachTarget,
    /** The brand's own stable link (`/l/:code`), for posts that outlive 30 days. */
    landingUrl: z.string(),
    /** WeChat's URL Link (https://wxaurl.cn/…), valid 30 days; renewed before it runs out. */
    urlLink: z.string(),
    urlLinkExpiresAt: isoTime,
    /** The encrypted URL Scheme (weixin://dl/business/?t=…). */
    scheme: z.string(),
    /** A Short Link for WeChat text (#小程序://…); absent when WeChat refused one. */
    shortLink: z.string().optional(),
    /** The mini-program code image (getwxacodeunlimit, scene `c=CODE`), PNG. */
    qrImageUrl: z.string(),
    createdAt: isoTime,
    figures: campaignFigures.optional()
  })
  .meta({ id: 'Campaign' })
export type CampaignDto = z.infer<typeof campaignDto>
export const campaignResponse = z.object({ campaign: campaignDto })
export const campaignList = z.object({ items: z.array(campaignDto) })

/** POST /api/v1/shares */
export const shareRequest = z
  .object({
    contentSlug: slug.optional(),
    productId: id.optional(),
    channel: z.enum(SHARE_CHANNELS),
    parentShareId: id.optional()
  })
  .refine((b) => (b.contentSlug === undefined) !== (b.productId === undefined), {
    message: 'a share is of a content page (contentSlug) or a product (productId), one of them',
    path: ['contentSlug']
  })
export type ShareRequest = z.infer<typeof shareRequest>
export const shareResponse = z.object({
  share: z.object({
    id: z.string(),
    /** ≤ 32 characters of [0-9A-Za-z=], e.g. `s=Ab3k9Zq`: the scene of the share's mini-program code. */
    scene: z.string()
  })
})
export type ShareResponse = z.infer<typeof shareResponse>

/** GET /api/v1/scenes/:scene: what a scanned code or a link's query means. */
export const sceneParams = z.object({ scene: z.string().min(1).max(32).regex(/^[0-9A-Za-z=]+$/, 'not a scene') })
export const sceneResponse = z.object({
  shareId: z.string().optional(),
  campaignCode: z.string().optional(),
  contentSlug: z.string().optional(),
  productId: z.string().optional()
})
export type SceneResponse = z.infer<typeof sceneResponse>

/** PUT /api/v1/me/profile: WeChat's nickname input and avatar chooser (the avatar uploaded through POST /api/v1/media first). */
export const profileInput = z.object({
  name: z.string().trim().min(1).max(20).optional(),
  avatarUrl: z.string().max(2048).regex(/^\/media\/[^\s]+$/, 'an avatar uploaded through POST /api/v1/media').optional()
})
export type ProfileInput = z.infer<typeof profileInput>
export const profileDto = z.object({ name: z.string().nullable(), avatarUrl: z.string().nullable() })
export type ProfileDto = z.infer<typeof profileDto>
export const profileResponse = z.object({ profile: profileDto })

/** GET /api/v1/products?q=: products on sale, searched by title. */
export const productSearchQuery = pageQuery.extend({ q: z.string().trim().max(40).optional() })
export const productSearchResponse = paged(product)
export type ProductSearchResponse = z.infer<typeof productSearchResponse>
