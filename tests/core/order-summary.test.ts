import { itemCount, itemCountText, orderSummaryText } from '@core/order-summary'

const item = (title: string, qty: number) => ({ title, qty })

describe('order summary', () => {
  test('the count is of units, not lines', () => {
    expect(itemCount([])).toBe(0)
    expect(itemCount([item('山茶花手霜', 2), item('护手霜礼盒', 1)])).toBe(3)
    expect(itemCountText([item('山茶花手霜', 2), item('护手霜礼盒', 1)])).toBe('共 3 件')
  })

  test('one unit: the title alone', () => {
    expect(orderSummaryText([item('山茶花手霜', 1)])).toBe('山茶花手霜')
  })

  test('more than one unit: the first title and the units in all', () => {
    expect(orderSummaryText([item('山茶花手霜', 2), item('护手霜礼盒', 1)])).toBe('山茶花手霜 等 3 件')
    expect(orderSummaryText([item('山茶花手霜', 3)])).toBe('山茶花手霜 等 3 件')
  })

  test('no items: empty', () => {
    expect(orderSummaryText([])).toBe('')
  })
})
