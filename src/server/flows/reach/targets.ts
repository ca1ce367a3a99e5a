/**
 * Where a campaign's or a share's links and codes open: a content page at
 * `pages/content/index?slug=…`, a product at `pages/product/index?id=…`
 * (the params those pages read), with `c=<code>` first for a campaign.
 */
export interface Target {
  contentSlug?: string | null
  productId?: string | null
}

export const CONTENT_PAGE = 'pages/content/index'
export const PRODUCT_PAGE = 'pages/product/index'
export const HOME_PAGE = 'pages/index/index'

export function pageOf(t: Target): string {
  if (t.contentSlug) return CONTENT_PAGE
  if (t.productId) return PRODUCT_PAGE
  return HOME_PAGE
}

/** The query of a campaign's links: `c=CODE&slug=…` or `c=CODE&id=…`. */
export function campaignQuery(code: string, t: Target): string {
  const params = new URLSearchParams({ c: code })
  if (t.contentSlug) params.set('slug', t.contentSlug)
  else if (t.productId) params.set('id', t.productId)
  return params.toString()
}

/** The contract's target object: {contentSlug} or {productId}. */
export function targetDto(t: Target): { contentSlug: string } | { productId: string } {
  if (t.contentSlug) return { contentSlug: t.contentSlug }
  return { productId: t.productId ?? '' }
}
