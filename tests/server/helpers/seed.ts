/**
 * Data most suites need, made through the staff API (so seeding exercises
 * the same path as production): an editor account, a product, a page.
 */
import type { Product } from '@core/catalog'
import type { AdminPage } from '@core/contract/admin-pages'
import type { TestApp } from './test-app'

export const EDITOR = { email: 'editor@shop.test', password: 'editor-password-1' }

/** Creates the editor account (once per app) and answers its session cookie. */
export async function editorCookie(t: TestApp): Promise<string> {
  const res = await t.call('POST', '/api/admin/staff', {
    cookie: t.adminCookie,
    body: { ...EDITOR, role: 'editor' }
  })
  if (res.status !== 201 && res.json?.error?.code !== 'EMAIL_TAKEN') {
    throw new Error(`seeding editor failed: ${res.status} ${JSON.stringify(res.json)}`)
  }
  return t.login(EDITOR.email, EDITOR.password)
}

export function productBody(over: Record<string, unknown> = {}) {
  return {
    title: '羊绒围巾',
    description: '100% 羊绒',
    images: ['/media/scarf.jpg'],
    skus: [
      { attrs: { 颜色: '驼色' }, priceFen: 59900, stock: 10 },
      { attrs: { 颜色: '黑色' }, priceFen: 62900, stock: 0 }
    ],
    ...over
  }
}

export async function seedProduct(t: TestApp, over: Record<string, unknown> = {}): Promise<Product> {
  const res = await t.call('POST', '/api/admin/products', { cookie: t.adminCookie, body: productBody(over) })
  if (res.status !== 201) throw new Error(`seeding product failed: ${res.status} ${JSON.stringify(res.json)}`)
  return res.json.product
}

export function pageBody(slug: string, productId?: string, over: Record<string, unknown> = {}) {
  return {
    slug,
    title: `页面 ${slug}`,
    blocks: [
      { type: 'hero', image: '/media/hero.jpg', title: '冬季新品' },
      { type: 'text', text: '第一段\n\n第二段' },
      ...(productId ? [{ type: 'product', productId }] : [])
    ],
    ...over
  }
}

/** A draft page; with `publish: true` it is also published now. */
export async function seedPage(
  t: TestApp,
  slug: string,
  opts: { productId?: string; publish?: boolean } = {}
): Promise<AdminPage> {
  const res = await t.call('POST', '/api/admin/pages', { cookie: t.adminCookie, body: pageBody(slug, opts.productId) })
  if (res.status !== 201) throw new Error(`seeding page failed: ${res.status} ${JSON.stringify(res.json)}`)
  if (!opts.publish) return res.json.page
  const pub = await t.call('POST', `/api/admin/pages/${res.json.page.id}/publish`, { cookie: t.adminCookie, body: {} })
  if (pub.status !== 200) throw new Error(`publishing page failed: ${pub.status} ${JSON.stringify(pub.json)}`)
  return pub.json.page
}
