// The pieces of WeChat's upload_shipping_info body that are rules, not
// plumbing (docs/wechat.md "Order shipping management"): logistics and delivery-mode
// numbers, upload_time in RFC 3339 with +08:00, item_desc of at most 120
// characters from the parcel's items, and the SF receiver's phone masked to
// its last four digits. Pure: the server fills in the order's facts.
import type { LogisticsType } from './contract/shipping'

export const LOGISTICS_TYPE_CODES: Record<LogisticsType, 1 | 2 | 3 | 4> = { express: 1, same_city: 2, virtual: 3, pickup: 4 }
export const ITEM_DESC_MAX = 120
/** Carriers whose parcels WeChat wants a contact for (顺丰). */
export const CONTACT_CARRIERS: ReadonlySet<string> = new Set(['SF'])

const CHINA_OFFSET_MS = 8 * 3600_000

/** `2025-06-01T10:00:00.000+08:00`: China time with the offset written out (never `Z`, never `+0800`). */
export function uploadTime(epochMs: number): string {
  if (!Number.isFinite(epochMs)) throw new RangeError(`uploadTime needs epoch ms, got ${epochMs}`)
  return new Date(epochMs + CHINA_OFFSET_MS).toISOString().replace('Z', '+08:00')
}

export type DescribedItem = { title: string; attrs?: Record<string, string>; qty: number }

/** `羊绒围巾(驼色)*2;亚麻衬衫(白/M)*1`, cut at 120 characters (code points) with `…`. */
export function itemDesc(items: readonly DescribedItem[], max = ITEM_DESC_MAX): string {
  const parts = items.map((i) => {
    const attrs = Object.values(i.attrs ?? {}).filter((v) => v !== '')
    const name = i.title.replace(/\s+/g, ' ').trim() || '商品'
    return `${name}${attrs.length ? `(${attrs.join('/')})` : ''}*${i.qty}`
  })
  const text = parts.join(';') || '商品'
  const chars = Array.from(text)
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`
}

/** `138****8000`: every digit but the last four (and an 11-digit mobile's first three) masked. */
export function maskPhone(phone: string): string {
  const p = phone.replace(/[\s-]/g, '')
  // Shop addresses are Chinese: +86 is split off; other prefixes are masked with the rest.
  const cn = /^(?:\+86|0086)(\d{11})$/.exec(p)
  if (cn) return `+86-${maskPhone(cn[1])}`
  if (p.length <= 4) return p
  const keepHead = p.length >= 11 ? 3 : 0
  return `${p.slice(0, keepHead)}${'*'.repeat(p.length - keepHead - 4)}${p.slice(-4)}`
}

/** Unified (1) only for one parcel that completes the order; a split (2) stays split, as WeChat counts a change as the one re-shipment. */
export function deliveryMode(parcelCount: number, allDelivered: boolean): 1 | 2 {
  return parcelCount === 1 && allDelivered ? 1 : 2
}
