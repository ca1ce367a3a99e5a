/**
 * The staff API's page body through core's one schema (exact field paths,
 * UNKNOWN_BLOCK_TYPE for a type this server does not know), then the checks
 * only the database can make: every product and coupon a block names exists
 * (product cards and grids, hotspots, slides, countdowns: 400 UNKNOWN_PRODUCT
 * with the path), a slide's pageSlug names a known page (400 INVALID_PAGE),
 * and the slug is free (409 SLUG_TAKEN).
 */
import { productIdsOf, validatePageInput, type PageInput } from '@core/content'
import { err, ok, type FieldIssue, type Result } from '@core/result'
import type { Executor } from '../../db/database'
import { findCoupon } from '../../db/repos/coupon-repo'
import { findProductRows } from '../../db/repos/product-repo'
import { existingSlugs, slugInUse } from '../../db/repos/page-repo'

export async function checkPageInput(db: Executor, body: unknown, pageId: string | null): Promise<Result<PageInput>> {
  const valid = validatePageInput(body)
  if (!valid.ok) return valid
  const input = valid.value
  const known = new Set((await findProductRows(db, productIdsOf(input.blocks))).map((r) => r.id))
  const issues: FieldIssue[] = []
  input.blocks.forEach((block, i) => {
    if (block.type === 'product' && !known.has(block.productId)) {
      issues.push({ path: `blocks.${i}.productId`, message: `商品 ${block.productId} 不存在` })
    }
    if (block.type === 'product-grid') {
      block.productIds.forEach((id, j) => {
        if (!known.has(id)) issues.push({ path: `blocks.${i}.productIds.${j}`, message: `商品 ${id} 不存在` })
      })
    }
    if (block.type === 'shop-the-look') {
      block.hotspots.forEach((h, j) => {
        if (!known.has(h.productId)) issues.push({ path: `blocks.${i}.hotspots.${j}.productId`, message: `商品 ${h.productId} 不存在` })
      })
    }
    if (block.type === 'carousel') {
      block.slides.forEach((slide, j) => {
        if (slide.productId !== undefined && !known.has(slide.productId)) {
          issues.push({ path: `blocks.${i}.slides.${j}.productId`, message: `商品 ${slide.productId} 不存在` })
        }
      })
    }
    if (block.type === 'countdown' && block.productId !== undefined && !known.has(block.productId)) {
      issues.push({ path: `blocks.${i}.productId`, message: `商品 ${block.productId} 不存在` })
    }
  })
  if (issues.length > 0) return err('UNKNOWN_PRODUCT', '页面引用了不存在的商品', issues)
  // A slide may link to another page: it must be a page staff know (a draft or a live slug), or this page itself.
  const linked = [...new Set(input.blocks.flatMap((b) => (b.type === 'carousel' ? b.slides.flatMap((s) => (s.pageSlug ? [s.pageSlug] : [])) : [])))]
  const knownSlugs = new Set([input.slug, ...(await existingSlugs(db, linked.filter((slug) => slug !== input.slug)))])
  const pageIssues: FieldIssue[] = []
  input.blocks.forEach((block, i) => {
    if (block.type !== 'carousel') return
    block.slides.forEach((slide, j) => {
      if (slide.pageSlug !== undefined && !knownSlugs.has(slide.pageSlug)) {
        pageIssues.push({ path: `blocks.${i}.slides.${j}.pageSlug`, message: `页面 ${slide.pageSlug} 不存在` })
      }
    })
  })
  if (pageIssues.length > 0) return err('INVALID_PAGE', '轮播图链接的页面不存在', pageIssues)
  const couponIssues: FieldIssue[] = []
  for (const [i, block] of input.blocks.entries()) {
    if (block.type === 'coupon' && !(await findCoupon(db, block.couponId))) {
      couponIssues.push({ path: `blocks.${i}.couponId`, message: `优惠券 ${block.couponId} 不存在` })
    }
  }
  if (couponIssues.length > 0) return err('UNKNOWN_COUPON', '页面引用了不存在的优惠券', couponIssues)
  if (await slugInUse(db, input.slug, pageId)) {
    return err('SLUG_TAKEN', `链接名 ${input.slug} 已被其他页面使用`, [{ path: 'slug', message: '链接名已被使用' }])
  }
  return ok(input)
}

/** PageInput → the content columns shared by pages and page_versions. */
export function contentColumns(input: PageInput) {
  return {
    slug: input.slug,
    title: input.title,
    cover: input.cover ?? null,
    blocks: JSON.stringify(input.blocks),
    shareTitle: input.share?.title || null,
    shareImageUrl: input.share?.imageUrl ?? null
  }
}
