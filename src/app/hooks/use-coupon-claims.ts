// The coupon blocks of a content page: what each shows (可领取 / 已领取 / 已抢光, or not
// yet / over) and the claim in place. GET /coupons/:id gives the words and the state
// (for this shopper when logged in; a page view never logs in); the claim's answer
// (409 COUPON_GONE / COUPON_LIMIT included) has the last word. A claim is a
// `coupon_claim` event.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Block } from '@core/content'
import type { CouponBlockInfo, CouponClaimState } from '../components/blocks/coupon-block'
import { claimCoupon, couponErrorText, getBlockCoupon, type BlockCoupon } from '../services/coupon-api'
import { toast } from '../services/nav'
import { tracker } from '../services/tracker'

type Options = {
  blocks: readonly Block[] | undefined
  contentSlug: string
  /** Not in staff preview or Moments single-page mode: there they are shown, never claimed. */
  claimable: boolean
}

const REFUSED: Record<string, { state: CouponClaimState; text: string }> = {
  limit: { state: 'claimed', text: '你已经领过这张券了' },
  gone: { state: 'gone', text: '来晚了，这张券已抢光' },
  not_started: { state: 'not_started', text: '活动尚未开始' },
  ended: { state: 'ended', text: '活动已结束' }
}

export function useCouponClaims({ blocks, contentSlug, claimable }: Options) {
  const [known, setKnown] = useState<Record<string, BlockCoupon>>({})
  const [claims, setClaims] = useState<Record<string, CouponClaimState>>({})
  const claiming = useRef(new Set<string>())
  const ids = useMemo(() => [...new Set((blocks ?? []).flatMap((b) => (b.type === 'coupon' ? [b.couponId] : [])))], [blocks])
  const idKey = ids.join(',')

  useEffect(() => {
    if (idKey === '') return
    let live = true
    for (const id of idKey.split(',')) {
      getBlockCoupon(id)
        .then((coupon) => {
          if (live) setKnown((k) => ({ ...k, [id]: coupon }))
        })
        // The block still offers the claim; the claim's answer tells the rest.
        .catch((e: unknown) => console.warn(`coupons: could not read coupon ${id} for the page`, e))
    }
    return () => {
      live = false
    }
  }, [idKey])

  const coupons = useMemo(() => {
    const out: Record<string, CouponBlockInfo> = {}
    for (const id of ids) {
      const k = known[id]
      out[id] = { title: k?.title, description: k?.description, state: claims[id] ?? k?.state ?? 'claimable' }
    }
    return out
  }, [ids, known, claims])

  const claim = useCallback(
    async (couponId: string) => {
      if (!claimable) {
        toast('预览中不能领取优惠券')
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
          toast('领取成功', 'success')
        } else {
          const refused = REFUSED[outcome.result]!
          next = refused.state
          toast(refused.text)
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
