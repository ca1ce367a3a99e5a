// The event schema and per-event rules (docs/api.md "Events"). The app queues them and sends
// batches; the server validates each event alone, so one bad event never
// costs the batch. The server alone writes order events.
import * as z from 'zod/mini'
import { slugSchema } from './content-page'
import { ID_PATTERN } from './ids'
import { err, ok, type FieldIssue, type Result } from './result'
import { nulIssues } from './text'
import { jsonByteLength } from './utf8'
import { isPlainObject, toFieldIssues } from './zod-issues'

export const CLIENT_EVENT_TYPES = [
  'app_launch',
  'page_view',
  'content_view',
  'product_view',
  'share',
  'share_open',
  'campaign_open',
  'add_to_cart',
  'checkout_start',
  'coupon_claim',
  'block_view'
] as const
export const SERVER_EVENT_TYPES = ['order_created', 'order_paid', 'order_shipped', 'order_completed', 'order_refunded'] as const
export const EVENT_TYPES = [...CLIENT_EVENT_TYPES, ...SERVER_EVENT_TYPES] as const
export type ClientEventType = (typeof CLIENT_EVENT_TYPES)[number]
export type ServerEventType = (typeof SERVER_EVENT_TYPES)[number]
export type EventType = ClientEventType | ServerEventType
/** How a shopper shares: a chat card, Moments, or a poster with the share's mini-program code. */
export const SHARE_CHANNELS = ['chat', 'timeline', 'poster'] as const
export type ShareChannel = (typeof SHARE_CHANNELS)[number]
/** Where a brand posts a campaign link or code (微博, 短信, 邮件, 海报, 线下二维码, 公众号文章, 其他). */
export const CAMPAIGN_CHANNELS = ['weibo', 'sms', 'email', 'poster', 'offline', 'article', 'other'] as const
export type CampaignChannel = (typeof CAMPAIGN_CHANNELS)[number]
/** The channel of an open: a share's, a campaign's, a search, or other. */
export const OPEN_CHANNELS = ['chat', 'timeline', 'poster', 'weibo', 'sms', 'email', 'offline', 'article', 'search', 'other'] as const
export type OpenChannel = (typeof OPEN_CHANNELS)[number]
/** A campaign's code: in a link's query as `c`, in a code's scene as `c=CODE`. */
export const CAMPAIGN_CODE_PATTERN = /^[0-9A-Za-z]{4,16}$/

export const MAX_PROPS_BYTES = 2 * 1024
export const MAX_BATCH_EVENTS = 100
export const MAX_BATCH_BYTES = 256 * 1024

const id = z.string().check(z.regex(ID_PATTERN, 'must be 1–64 letters, digits, "_" or "-"'))

const common = {
  id,
  ts: z.int().check(z.positive()),
  page: z.optional(z.string().check(z.maxLength(512))),
  scene: z.optional(z.int().check(z.nonnegative())),
  shareId: z.optional(id),
  parentShareId: z.optional(id),
  channel: z.optional(z.enum(OPEN_CHANNELS)),
  campaignCode: z.optional(z.string().check(z.regex(CAMPAIGN_CODE_PATTERN, 'must be 4–16 letters or digits'))),
  contentSlug: z.optional(slugSchema),
  productId: z.optional(id),
  skuId: z.optional(id),
  qty: z.optional(z.int().check(z.minimum(1), z.maximum(99))),
  props: z.optional(z.record(z.string(), z.unknown()))
}

// Identity fields a client might send (userId, orderId, amountFen) are
// dropped: the server sets who the shopper is from the session.
const clientEventSchema = z.object({ ...common, type: z.enum(CLIENT_EVENT_TYPES), anonId: id, sessionId: id })
const serverEventSchema = z.object({
  ...common,
  type: z.enum(EVENT_TYPES),
  anonId: z.optional(id),
  sessionId: z.optional(id),
  userId: z.optional(id),
  orderId: z.optional(id),
  amountFen: z.optional(z.int().check(z.nonnegative()))
})

export type ClientEvent = z.infer<typeof clientEventSchema>
export type ServerEvent = z.infer<typeof serverEventSchema>
/** What storage holds: client events as sent, server events with userId/orderId/amountFen. */
export type Event = ClientEvent | ServerEvent

type Field = keyof ServerEvent
/** Fields each type needs beyond the common ones (share also needs contentSlug or productId). */
export const REQUIRED_FIELDS: Record<EventType, readonly Field[]> = {
  app_launch: [],
  page_view: ['page'],
  content_view: ['contentSlug'],
  product_view: ['productId'],
  share: ['shareId', 'channel'],
  share_open: ['shareId'],
  campaign_open: ['campaignCode'],
  add_to_cart: ['skuId', 'qty'],
  checkout_start: [],
  coupon_claim: [],
  block_view: ['contentSlug'],
  order_created: ['userId', 'orderId', 'amountFen'],
  order_paid: ['userId', 'orderId', 'amountFen'],
  order_shipped: ['userId', 'orderId', 'amountFen'],
  order_completed: ['userId', 'orderId', 'amountFen'],
  order_refunded: ['userId', 'orderId', 'amountFen']
}

export type EventCode = 'INVALID_EVENT' | 'UNKNOWN_EVENT_TYPE' | 'SERVER_ONLY_TYPE' | 'PROPS_TOO_LARGE' | 'TS_OUT_OF_RANGE'

/** The rules a type adds beyond the fields' own (exported for the fast path, event-fast-path.ts). */
export function typeRules(event: ServerEvent): FieldIssue[] {
  const issues: FieldIssue[] = REQUIRED_FIELDS[event.type]
    .filter((field) => event[field] === undefined)
    .map((field) => ({ path: field, message: `${event.type} needs ${field}` }))
  if (event.type === 'share' && event.contentSlug === undefined && event.productId === undefined) {
    issues.push({ path: 'contentSlug', message: 'share needs contentSlug or productId: what was shared' })
  }
  if (event.type === 'share' && event.channel !== undefined && !(SHARE_CHANNELS as readonly string[]).includes(event.channel)) {
    issues.push({ path: 'channel', message: `a share's channel is one of ${SHARE_CHANNELS.join(', ')}` })
  }
  if (event.type === 'block_view' && blockOf(event) === null) {
    issues.push({ path: 'props.blockIndex', message: 'block_view needs props.blockIndex (0-based) and props.blockType' })
  }
  if (event.parentShareId !== undefined && event.parentShareId === event.shareId) {
    issues.push({ path: 'parentShareId', message: 'a share cannot be its own parent' })
  }
  return issues
}

/**
 * from: 'client' for POST /events (server-only types refused), 'server' for
 * events the backend writes. now (epoch ms), when given, bounds ts to the
 * last 30 days and at most 10 minutes ahead (phones' clocks drift; queues
 * wait offline).
 */
export function validateEvent(input: unknown, options: { from: 'client' | 'server'; now?: number }): Result<Event, EventCode> {
  if (!isPlainObject(input)) return err('INVALID_EVENT', 'an event must be a JSON object', [{ path: '(root)', message: 'not an object' }])
  const type = input.type
  if (typeof type !== 'string') return err('INVALID_EVENT', 'event type is missing', [{ path: 'type', message: 'must be a string' }])
  if (!(EVENT_TYPES as readonly string[]).includes(type)) return err('UNKNOWN_EVENT_TYPE', `unknown event type "${type}"`, { type })
  if (options.from === 'client' && (SERVER_EVENT_TYPES as readonly string[]).includes(type)) {
    return err('SERVER_ONLY_TYPE', `${type} events are written by the server only`, { type })
  }
  const nul = nulIssues(input)
  if (nul.length > 0) {
    return err('INVALID_EVENT', `invalid ${type} event: ${nul.map((i) => i.path).join(', ')} ${nul[0]?.message ?? ''}`, nul)
  }
  if (input.props !== undefined) {
    const bytes = jsonByteLength(input.props)
    if (bytes === null) return err('INVALID_EVENT', 'props must be JSON', [{ path: 'props', message: 'not JSON' }])
    if (bytes > MAX_PROPS_BYTES) return err('PROPS_TOO_LARGE', `props is ${bytes} bytes as JSON; at most ${MAX_PROPS_BYTES}`, { bytes })
  }
  const parsed = options.from === 'client' ? clientEventSchema.safeParse(input) : serverEventSchema.safeParse(input)
  if (!parsed.success) return err('INVALID_EVENT', `invalid ${type} event`, toFieldIssues(parsed.error.issues))
  const issues = typeRules(parsed.data as ServerEvent)
  if (issues.length > 0) return err('INVALID_EVENT', issues.map((i) => i.message).join('; '), issues)
  if (options.now !== undefined) {
    const ts = parsed.data.ts
    if (ts > options.now + 10 * 60_000 || ts < options.now - 30 * 24 * 3_600_000) {
      return err('TS_OUT_OF_RANGE', 'ts is more than 10 minutes ahead or 30 days behind the server clock', { ts, now: options.now })
    }
  }
  return ok(parsed.data)
}

/**
 * The content block an event happened in: `props.blockIndex` (0-based, in
 * the page's block list) and `props.blockType`. block_view always carries
 * them; product_view (a tap) and add_to_cart carry them when they came from
 * a block, which is how the per-block report counts views, taps and adds.
 */
export function blockOf(event: { props?: Record<string, unknown> }): { index: number; type: string } | null {
  const index = event.props?.blockIndex
  const type = event.props?.blockType
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= 1000) return null
  if (typeof type !== 'string' || type.length === 0 || type.length > 40) return null
  return { index, type }
}
