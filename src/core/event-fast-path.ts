// The POST /events hot path: a client event checked field by field without
// zod, for the events that are valid (nearly all of them). It answers only
// "valid, as is" or "not sure": anything it does not accept outright (an
// unknown field, a NUL, a wrong type, a rule broken) goes through
// validateEvent, which finds the error and words it, so answers to bad
// events are exactly those of the schema. tests/core/event-fast-path.test.ts
// holds both to the same verdicts.
import {
  CAMPAIGN_CODE_PATTERN,
  CLIENT_EVENT_TYPES,
  MAX_PROPS_BYTES,
  OPEN_CHANNELS,
  typeRules,
  type ClientEvent,
  type ServerEvent
} from './event-schema'
import { SLUG_PATTERN } from './content-fields'
import { ID_PATTERN } from './ids'
import { NUL } from './text'
import { utf8Length } from './utf8'

const has = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key)
const clientTypes: ReadonlySet<string> = new Set(CLIENT_EVENT_TYPES)
const openChannels: ReadonlySet<string> = new Set(OPEN_CHANNELS)

const isId = (v: unknown) => typeof v === 'string' && ID_PATTERN.test(v)
const optionalId = (v: unknown) => v === undefined || isId(v)
const isCount = (v: unknown, min: number, max: number) => typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max
const cleanText = (v: unknown, max: number) => typeof v === 'string' && v.length <= max && !v.includes(NUL)
const isSlug = (v: unknown) => typeof v === 'string' && v.length >= 2 && v.length <= 64 && SLUG_PATTERN.test(v)

// Every field a client event may carry; any other key goes the slow way (the schema drops it, the NUL check reads it).
const FIELDS: Record<keyof ClientEvent, (v: unknown) => boolean> = {
  id: isId,
  type: (v) => typeof v === 'string' && clientTypes.has(v),
  ts: (v) => isCount(v, 1, Number.MAX_SAFE_INTEGER),
  anonId: isId,
  sessionId: isId,
  page: (v) => v === undefined || cleanText(v, 512),
  scene: (v) => v === undefined || isCount(v, 0, Number.MAX_SAFE_INTEGER),
  shareId: optionalId,
  parentShareId: optionalId,
  channel: (v) => v === undefined || (typeof v === 'string' && openChannels.has(v)),
  campaignCode: (v) => v === undefined || (typeof v === 'string' && CAMPAIGN_CODE_PATTERN.test(v)),
  contentSlug: (v) => v === undefined || isSlug(v),
  productId: optionalId,
  skuId: optionalId,
  qty: (v) => v === undefined || isCount(v, 1, 99),
  props: () => true // checked below, with its JSON
}
const REQUIRED = ['id', 'type', 'ts', 'anonId', 'sessionId'] as const

/**
 * The event itself and its props as JSON (what storage keeps) when it is a
 * valid client event; undefined when validateEvent must judge it. `now`
 * bounds ts as validateEvent does.
 */
export function fastClientEvent(input: unknown, now?: number): { event: ClientEvent; propsJson: string | null } | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined
  const e = input as Record<string, unknown>
  for (const key in e) {
    const check = (FIELDS as Record<string, ((v: unknown) => boolean) | undefined>)[key]
    if (!has(FIELDS, key) || !check!(e[key])) return undefined
  }
  for (const key of REQUIRED) if (e[key] === undefined) return undefined
  let propsJson: string | null = null
  if (e.props !== undefined) {
    const props = e.props
    // zod's record wants a plain object: not an array, and no own `constructor` key (that hides the prototype's).
    if (typeof props !== 'object' || props === null || Array.isArray(props) || has(props, 'constructor')) return undefined
    propsJson = JSON.stringify(props)
    // JSON writes U+0000 as \u0000; a false alarm (the text "\u0000" itself) only costs the slow way.
    if (utf8Length(propsJson) > MAX_PROPS_BYTES || propsJson.includes('\\u0000')) return undefined
  }
  if (typeRules(e as ServerEvent).length > 0) return undefined
  const ts = e.ts as number
  if (now !== undefined && (ts > now + 10 * 60_000 || ts < now - 30 * 24 * 3_600_000)) return undefined
  return { event: e as ClientEvent, propsJson }
}
