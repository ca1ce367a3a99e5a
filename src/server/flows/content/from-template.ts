/**
 * Staff start a page from a template (core's page-templates): its product
 * slots take the products staff picked (`productIds`, in order; each must
 * exist) or, without a choice, the brand's newest products; a block whose
 * products cannot be found is left out and `notes` says so. The page is
 * then created like any draft (the same checks as POST /api/admin/pages),
 * so it is always valid and never live until published.
 */
import type { AdminPage, PageTemplateDto } from '@core/contract/admin-pages'
import { findTemplate, instantiateTemplate, PAGE_TEMPLATES, type TemplateProduct } from '@core/page-templates'
import { err, ok, type Result } from '@core/result'
import { findProductRows, listProductRows } from '../../db/repos/product-repo'
import type { Deps } from '../../deps'
import { createPage } from './create-page'

export function listTemplates(): PageTemplateDto[] {
  return PAGE_TEMPLATES.map((t) => ({
    id: t.id,
    name: t.name,
    description: t.description,
    title: t.title,
    productSlots: t.productSlots,
    blockTypes: t.blocks.map((b) => b.type)
  }))
}

export async function createFromTemplate(
  deps: Deps,
  actorId: string,
  input: { templateId: string; slug: string; title?: string; productIds?: string[] }
): Promise<Result<{ page: AdminPage; notes: string[] }>> {
  const template = findTemplate(input.templateId)
  if (!template) return err('NOT_FOUND', `没有模板 ${input.templateId}`, [{ path: 'templateId', message: '模板不存在' }])
  let products: TemplateProduct[]
  if (input.productIds && input.productIds.length > 0) {
    const rows = new Map((await findProductRows(deps.db, input.productIds)).map((r) => [r.id, r]))
    const missing = input.productIds.map((id, i) => ({ id, i })).filter(({ id }) => !rows.has(id))
    if (missing.length > 0) {
      return err('UNKNOWN_PRODUCT', '模板引用了不存在的商品', missing.map(({ id, i }) => ({ path: `productIds.${i}`, message: `商品 ${id} 不存在` })))
    }
    products = input.productIds.map((id) => {
      const r = rows.get(id)!
      return { id, images: JSON.parse(r.images) as string[] }
    })
  } else {
    const rows = await listProductRows(deps.db, { limit: template.productSlots })
    products = rows.map((r) => ({ id: r.id, images: JSON.parse(r.images) as string[] }))
  }
  const made = instantiateTemplate(template, products, deps.clock.now().getTime())
  const page = await createPage(deps, actorId, { slug: input.slug, title: input.title ?? made.title, blocks: made.blocks })
  return page.ok ? ok({ page: page.value, notes: made.notes }) : page
}
