// The launches a page announces: a countdown block that names a product puts that
// product off sale until its time (即将开售, not addable; the server answers 409
// NOT_ON_SALE anyway). The map changes by itself at each launch time.
import { useEffect, useMemo, useState } from 'react'
import dayjs from 'dayjs'
import type { Block } from '@core/content'

/** setTimeout's longest delay; a launch further away is looked at again then. */
const MAX_DELAY_MS = 2_147_483_647

/** productId → launch time (ISO), for every countdown that names a product, the latest time winning. */
export function launchesOf(blocks: readonly Block[]): Record<string, string> {
  const launches: Record<string, string> = {}
  for (const block of blocks) {
    if (block.type !== 'countdown' || !block.productId || !dayjs(block.until).isValid()) continue
    const known = launches[block.productId]
    if (!known || dayjs(block.until).isAfter(known)) launches[block.productId] = block.until
  }
  return launches
}

/** The products not on sale yet (productId → launch time); empty once every launch has come. */
export function useLaunches(blocks: readonly Block[]): Record<string, string> {
  const all = useMemo(() => launchesOf(blocks), [blocks])
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
