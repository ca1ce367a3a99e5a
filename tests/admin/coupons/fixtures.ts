import type { CouponDto } from '@core/contract/coupons'

export function coupon(over: Partial<CouponDto> = {}): CouponDto {
  return {
    id: 'cpn_1',
    title: '春季满减券',
    kind: 'amount_off',
    amountOffFen: 2000,
    minSpendFen: 10000,
    startsAt: '2026-03-01T00:00:00.000Z',
    endsAt: '2026-03-31T15:59:00.000Z',
    total: 100,
    perUser: 1,
    description: '满100减20',
    claimed: 12,
    used: 5,
    createdAt: '2026-02-20T00:00:00.000Z',
    updatedAt: '2026-02-20T00:00:00.000Z',
    ...over
  }
}

export const PERCENT = coupon({
  id: 'cpn_2',
  title: '会员折扣',
  kind: 'percent_off',
  amountOffFen: undefined,
  percentOff: 20,
  maxOffFen: 5000,
  minSpendFen: 0,
  validDays: 7,
  total: undefined,
  perUser: 2,
  productIds: ['prd_1'],
  description: '8折 最高减50',
  claimed: 0,
  used: 0
})
