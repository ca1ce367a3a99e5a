// The brand's name, baked in at build time from TARO_APP_BRAND_NAME (config/index.ts);
// the demo brand 山茶 when the build names none. The navigation bar titles in
// app.config.ts and the home page config read the same variable at build time.
export const DEFAULT_BRAND_NAME = '山茶'

export function brandName(): string {
  return typeof BRAND_NAME === 'string' && BRAND_NAME.trim() !== '' ? BRAND_NAME.trim() : DEFAULT_BRAND_NAME
}
