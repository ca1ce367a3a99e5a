// The coupon blocks of a content page: what each shows (可领取 / 已领取 / 已抢光) and the
// claim in place. The page answer may say the state; a logged-in shopper's own coupons
// mark the ones already held; the claim's answer (409 COUPON_GONE / COUPON_LIMIT
// included) has the last word. A claim is a `coupon_claim` event.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Block } from '@core/content'
import type { CouponBlockInfo, CouponClaimState } from '../components/blocks/coupon-block'
import { isLoggedIn } from '../services/auth'
import { claimCoupon, couponErrorText, listMyCoupons } from '../services/coupon-api'
import type { PageCoupon } from '../services/content-api'
import { toast } from '../services/nav'
import { tracker } from '../services/tracker'

type Options = {
  blocks: readonly Block[] | undefined
  pageCoupons: Record<string, PageCoupon> | undefined
  contentSlug: string
  /** Staff preview or Moments single-page mode: shown, never claimed. */
  claimable: boolean
}

export function useCouponClaims({ blocks, pageCoupons, contentSlug, claimable }: Options) {
  const [claims, setClaims] = useState<Record<string, CouponClaimState>>({})
  const [held, setHeld] = useState<Record<string, string>>({})
  const claiming = useRef(new Set<string>())
  const ids = useMemo(() => [...new Set((blocks ?? []).flatMap((b) => (b.type === 'coupon' ? [b.couponId] : [])))], [blocks])
  const idKey = ids.join(',')

  // Already held (by coupon id, with its title): only asked when logged in, a page view never logs in.
  useEffect(() => {
    if (!claimable || idKey === '' || !isLoggedIn()) return
    let live = true
    listMyCoupons()
      .then((mine) => {
        if (live) setHeld(Object.fromEntries(mine.filter((c) => c.couponId).map((c) => [c.couponId, c.title])))
      })
      .catch((e: unknown) => console.warn('coupons: could not read the shopper’s coupons for the page', e))
    return () => {
      live = false
    }
  }, [claimable, idKey])

  const coupons = useMemo(() => {
    const out: Record<string, CouponBlockInfo> = {}
    for (const id of ids) {
      const known = pageCoupons?.[id]
      const state: CouponClaimState = claims[id] ?? known?.state ?? (held[id] !== undefined ? 'claimed' : 'claimable')
      out[id] = { title: known?.title ?? held[id], description: known?.description, state }
    }
    return out
  }, [ids, pageCoupons, claims, held])

  const claim = useCallback(
    async (couponId: string) => {
      if (!claimable) {
        toast('请在小程序中领取')
        return
      }
      if (claiming.current.has(couponId)) return
      claiming.current.add(couponId)
      setClaims((c) => ({ ...c, [couponId]: 'claiming' }))
      let next: CouponClaimState = 'claimable'
      try {
        const outcome = await claimCoupon(couponId)
        if (outcome.result === 'claimed') {
          next = 'claimed'
          tracker.track('coupon_claim', { ...(contentSlug ? { contentSlug } : {}), props: { couponId, ...(outcome.userCoupon ? { userCouponId: outcome.userCoupon.id } : {}) } })
          if (outcome.userCoupon) setHeld((h) => ({ ...h, [couponId]: outcome.userCoupon?.title ?? '' }))
          toast('领取成功', 'success')
        } else if (outcome.result === 'limit') {
          next = 'claimed'
          toast('你已经领过这张券了')
        } else {
          next = 'gone'
          toast('来晚了，这张券已抢光')
        }
      } catch (e) {
        toast(couponErrorText(e))
      } finally {
        claiming.current.delete(couponId)
        setClaims((c) => ({ ...c, [couponId]: next }))
      }
    },
    [claimable, contentSlug]
  )

  return { coupons, claim }
}
