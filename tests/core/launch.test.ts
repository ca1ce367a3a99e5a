import type { Block } from '@core/content'
import { launchesOf, launchMessage, onSaleAt, reminderPagePath } from '@core/launch'

describe('launches', () => {
  test('countdowns naming a product announce its launch; the latest wins; others announce nothing', () => {
    const blocks: Block[] = [
      { type: 'countdown', until: '2026-03-01T10:00:00+08:00', productId: 'p1' },
      { type: 'countdown', until: '2026-03-02T10:00:00+08:00', productId: 'p1' },
      { type: 'countdown', until: '2026-03-01T10:00:00+08:00' },
      { type: 'product', productId: 'p2' }
    ]
    expect(launchesOf(blocks)).toEqual([{ productId: 'p1', launchAt: '2026-03-02T02:00:00.000Z' }])
  })

  test('on sale once every launch has come', () => {
    expect(onSaleAt([], '2026-03-01T00:00:00Z')).toBe(true)
    expect(onSaleAt(['2026-03-01T02:00:00.000Z'], '2026-03-01T10:00:00+08:00')).toBe(true)
    expect(onSaleAt(['2026-03-01T02:00:00.000Z'], '2026-03-01T09:59:59+08:00')).toBe(false)
  })

  test('the reminder opens the page it was asked on, else the product', () => {
    expect(reminderPagePath({ productId: 'p1', contentSlug: 'coat' })).toBe('pages/content/index?slug=coat')
    expect(reminderPagePath({ productId: 'p 1', contentSlug: null })).toBe('pages/product/index?id=p%201')
  })

  test('the launch message fits the template keys', () => {
    expect(launchMessage({ title: '一件名字非常非常非常长的限量款羊毛双面呢大衣', priceFen: 129900, launchAt: '2026-03-01T02:00:00Z' })).toEqual({
      thing1: { value: '一件名字非常非常非常长的限量款羊毛双面…' },
      amount2: { value: '1299.00元' },
      time3: { value: '2026年3月1日 10:00' },
      thing4: { value: '已开售，数量有限，先到先得' }
    })
  })
})
