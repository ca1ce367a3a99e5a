// The launches a page announces: a countdown block that names a product puts that
// product off sale until its time (即将开售, not addable; the server answers 409
// NOT_ON_SALE anyway). The map changes by itself at each launch time.
import { useEffect, useMemo, useState } from 'react'
import dayjs from 'dayjs'
import type { Block } from '@core/content'

/** setTimeout's longest delay; a launch further away is looked at again then. */
const MAX_DELAY_MS = 2_147_483_647

/**
 * productId → launch time (ISO): every countdown that names a product, and every
 * product the server says is launching (`launchAt`, from a countdown on any live
 * page); the latest time wins.
 */
export function launchesOf(blocks: readonly Block[], products: Record<string, object & { launchAt?: string }> = {}): Record<string, string> {
  const launches: Record<string, string> = {}
  const note = (productId: string, until: string) => {
    if (!dayjs(until).isValid()) return
    const known = launches[productId]
    if (!known || dayjs(until).isAfter(known)) launches[productId] = until
  }
  for (const block of blocks) if (block.type === 'countdown' && block.productId) note(block.productId, block.until)
  for (const [id, product] of Object.entries(products)) if (typeof product.launchAt === 'string') note(id, product.launchAt)
  return launches
}

/** The products not on sale yet (productId → launch time); empty once every launch has come. */
export function useLaunches(blocks: readonly Block[], products?: Record<string, object & { launchAt?: string }>): Record<string, string> {
  const all = useMemo(() => launchesOf(blocks, products), [blocks, products])
  const [now, setNow] = useState(() => Date.now())
  const upcoming = useMemo(() => {
    const out: Record<string, string> = {}
    for (const [id, until] of Object.entries(all)) if (dayjs(until).valueOf() > now) out[id] = until
    return out
  }, [all, now])
  useEffect(() => {
    const next = Math.min(...Object.values(upcoming).map((until) => dayjs(until).valueOf()))
    if (!Number.isFinite(next)) return
    const timer = setTimeout(() => setNow(Date.now()), Math.min(MAX_DELAY_MS, Math.max(0, next - Date.now()) + 50))
    return () => clearTimeout(timer)
  }, [upcoming])
  return upcoming
}
