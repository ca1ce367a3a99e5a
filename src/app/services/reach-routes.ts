// Pages of the pkg-reach subpackage (posters, the shopper's profile, product search):
// loaded on demand, so the main package stays small.
export const reachRoutes = {
  poster: (target: { contentSlug?: string; productId?: string }) =>
    `/pkg-reach/poster/index?${target.contentSlug ? `slug=${encodeURIComponent(target.contentSlug)}` : `id=${encodeURIComponent(target.productId ?? '')}`}`,
  profile: '/pkg-reach/profile/index',
  search: '/pkg-reach/search/index'
}
