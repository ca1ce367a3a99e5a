// The pages reached after launch live in subpackages, so the main package (WeChat's
// 2 MB limit, and what every launch downloads) does not grow with them.
const g = globalThis as { defineAppConfig?: (c: unknown) => unknown }
g.defineAppConfig = (c) => c
const config = require('../../src/app/app.config').default as { pages: string[]; subPackages: Array<{ root: string; pages: string[] }> }

test('我的优惠券 and 我的分享 are in the pkg-me subpackage, not the main package', () => {
  expect(config.subPackages).toContainEqual({ root: 'pkg-me', pages: ['coupons/index', 'shares/index'] })
  expect(config.pages.some((p) => p.includes('coupon') || p.includes('share'))).toBe(false)
})

test('every page the config names has its file', () => {
  const { existsSync } = require('fs') as typeof import('fs')
  const files = [...config.pages, ...config.subPackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))].map((p) => `${__dirname}/../../src/app/${p}.tsx`)
  expect(files.filter((f) => !existsSync(f))).toEqual([])
})
