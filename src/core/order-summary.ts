// How many items an order (or a cart) holds and the one-line summary of its
// lines, the same in the admin's order list and the shop's order pages. The
// count is of units (the sum of quantities), as 结算(N) and 共 N 件 have always
// counted in the shop: two of one SKU and one of another are 3 件.

export type CountedItem = { qty: number }
export type SummarizedItem = CountedItem & { title: string }

export function itemCount(items: readonly CountedItem[]): number {
  return items.reduce((n, item) => n + item.qty, 0)
}

/** "共 3 件". */
export function itemCountText(items: readonly CountedItem[]): string {
  return `共 ${itemCount(items)} 件`
}

/**
 * The order in one line: the first item's title, then how many units in all
 * when there is more than one ("山茶花手霜 等 3 件"); "" for no items.
 */
export function orderSummaryText(items: readonly SummarizedItem[]): string {
  const first = items[0]
  if (!first) return ''
  const count = itemCount(items)
  return count > 1 ? `${first.title} 等 ${count} 件` : first.title
}
