// Checkout's coupon: the shopper's usable coupons ranked against these lines by core's
// rules (the same functions the server prices with), the best one chosen until the
// shopper picks another or none. Only a preview: the order's discountFen and payableFen
// come from the server.
import { useCallback, useEffect, useMemo, useState } from 'react'
import dayjs from 'dayjs'
import { rankCoupons, type CouponChoice, type CouponOption, type PricingLine } from '@core/coupon'
import { formatFen, multiplyFen } from '@core/money'
import type { CouponPick } from '../components/coupon-picker'
import { couponOption, listMyCoupons, type UserCouponView } from '../services/coupon-api'

type Line = { productId: string; priceFen: number; qty: number }

function reason(c: UserCouponView, r: CouponChoice | undefined, now: number): string {
  switch (r?.problem) {
    case 'COUPON_MIN_SPEND':
      return `满 ${formatFen(c.rule?.minSpendFen ?? 0)} 可用，本单未满足`
    case 'COUPON_NOT_APPLICABLE':
      return '本单商品不适用'
    default:
      return c.validFrom && Date.parse(c.validFrom) > now ? `${dayjs(c.validFrom).format('MM-DD HH:mm')} 起可用` : '暂不可用'
  }
}

export function useCheckoutCoupons(items: readonly Line[]) {
  const [mine, setMine] = useState<UserCouponView[] | null>(null)
  // undefined: the best one, chosen for the shopper; null: none, chosen by the shopper.
  const [choice, setChoice] = useState<string | null | undefined>(undefined)
  const wanted = items.length > 0

  const load = useCallback(async () => {
    try {
      setMine(await listMyCoupons())
    } catch (e) {
      // Checkout goes on without a coupon; the server prices the order either way.
      console.warn('checkout: could not load the shopper’s coupons', e)
      setMine([])
    }
  }, [])

  useEffect(() => {
    if (wanted) void load()
  }, [wanted, load])

  return useMemo(() => {
    const now = Date.now()
    const lines: PricingLine[] = items.map((i) => ({ productId: i.productId, lineFen: multiplyFen(i.priceFen, i.qty) }))
    const usable = (mine ?? []).filter((c) => c.status === 'usable')
    const options = usable.map(couponOption).filter((o): o is CouponOption => o !== null)
    const ranked = rankCoupons(options, lines, new Date(now))
    const rankOf = (id: string) => ranked.find((r) => r.id === id)
    const best = ranked[0]?.problem === null ? ranked[0] : null
    const selectedId = choice === undefined ? (best?.id ?? null) : choice
    const selected = usable.find((c) => c.id === selectedId) ?? null
    const selectedRank = selected ? rankOf(selected.id) : undefined
    const picks: CouponPick[] = usable
      .map((c): CouponPick & { order: number } => {
        const r = rankOf(c.id)
        const order = r ? ranked.indexOf(r) : ranked.length
        if (!c.rule) return { coupon: c, fits: true, note: '优惠金额以提交订单时为准', order }
        if (r?.problem === null) return { coupon: c, fits: true, note: `本单可减 ${formatFen(r.discountFen)}`, order }
        return { coupon: c, fits: false, note: reason(c, r, now), order }
      })
      .sort((a, b) => a.order - b.order)
      .map(({ coupon, fits, note }) => ({ coupon, fits, note }))
    return {
      loading: wanted && mine === null,
      fittingCount: picks.filter((p) => p.fits).length,
      picks,
      selected,
      /** What the chosen coupon takes off by the app's preview; null: known only once the server prices it. */
      discountFen: selected ? (selected.rule ? (selectedRank?.problem === null ? selectedRank.discountFen : 0) : null) : 0,
      pick: (id: string | null) => setChoice(id),
      /** The server refused the chosen coupon: read them again and let the best be chosen anew. */
      reload: () => {
        setChoice(undefined)
        void load()
      }
    }
  }, [items, mine, choice, wanted, load])
}
