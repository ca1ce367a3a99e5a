/**
 * The SKU matrix: attributes (颜色: 黑, 白 × 尺码: S, M) → one SKU row per
 * combination. Regenerating after an attribute change keeps each surviving
 * combination's id, price and stock, so staff never retype them. Prices are
 * typed in yuan and parsed by core's parseYuan into fen.
 */
import { attributeOptions, type Sku, type SkuAttrs } from '@core/catalog'
import { parseYuan } from '@core/money'
import { PRODUCT_LIMITS, skuAttrsKey, stockProblem } from '@core/product-input'
import type { FieldIssue } from '@core/result'

export interface AttributeDef {
  name: string
  values: string[]
}

export interface SkuRow {
  /** Stable identity of the combination (React key, matching across regenerations). */
  key: string
  id?: string
  attrs: SkuAttrs
  /** What staff typed, in yuan ("19.9", "¥1,299"). */
  price: string
  stock: number | null
}

/** The server takes at most this many SKUs a product (core's product input rules)… */
export const MAX_SKUS = PRODUCT_LIMITS.skusMax
/** …and a price of at most ¥1,000,000 a SKU. */
export const MAX_PRICE_FEN = PRODUCT_LIMITS.priceFenMax

export const skuKey: (attrs: SkuAttrs) => string = skuAttrsKey

/** Attributes that take part: a name and at least one value (half-typed ones are ignored). */
export function usableAttributes(attributes: readonly AttributeDef[]): AttributeDef[] {
  return attributes
    .map((a) => ({ name: a.name.trim(), values: [...new Set(a.values.map((v) => v.trim()).filter(Boolean))] }))
    .filter((a) => a.name !== '' && a.values.length > 0)
}

/** Every combination, first attribute varying slowest; no attributes → one SKU without attributes. */
export function combinations(attributes: readonly AttributeDef[]): SkuAttrs[] {
  let combos: SkuAttrs[] = [{}]
  for (const { name, values } of usableAttributes(attributes)) {
    combos = combos.flatMap((combo) => values.map((value) => ({ ...combo, [name]: value })))
  }
  return combos
}

export function buildSkuRows(attributes: readonly AttributeDef[], previous: readonly SkuRow[]): SkuRow[] {
  const before = new Map(previous.map((row) => [row.key, row]))
  return combinations(attributes).map((attrs) => {
    const key = skuKey(attrs)
    const kept = before.get(key)
    return kept ? { ...kept, attrs } : { key, attrs, price: '', stock: 0 }
  })
}

/** 12900 → "129", 1990 → "19.90": what the price input shows for a stored price. */
export function fenToYuanText(fen: number): string {
  const whole = Math.floor(fen / 100)
  const cents = fen % 100
  return cents === 0 ? String(whole) : `${whole}.${String(cents).padStart(2, '0')}`
}

/** "¥1,299.5" → "1299.50" after typing; text that does not parse stays as typed so its error can show. */
export function normalizePrice(text: string): string {
  const parsed = parseYuan(text, { maxFen: MAX_PRICE_FEN })
  return parsed.ok ? fenToYuanText(parsed.value) : text
}

export function attributesFromSkus(skus: readonly Sku[]): AttributeDef[] {
  return Object.entries(attributeOptions({ skus: [...skus] })).map(([name, values]) => ({ name, values }))
}

export function rowsFromSkus(skus: readonly Sku[]): SkuRow[] {
  return skus.map((sku) => ({ key: skuKey(sku.attrs), id: sku.id, attrs: sku.attrs, price: fenToYuanText(sku.priceFen), stock: sku.stock }))
}

/** Attribute problems staff must fix before the matrix means anything. */
export function checkAttributes(attributes: readonly AttributeDef[]): FieldIssue[] {
  const issues: FieldIssue[] = []
  const seen = new Set<string>()
  attributes.forEach((a, i) => {
    const name = a.name.trim()
    if (name === '' && a.values.length > 0) issues.push({ path: `attributes.${i}.name`, message: '请填写规格名，如 颜色' })
    if (name !== '' && seen.has(name)) issues.push({ path: `attributes.${i}.name`, message: `规格名“${name}”重复了` })
    if (name.length > PRODUCT_LIMITS.attrNameMax) issues.push({ path: `attributes.${i}.name`, message: `规格名最多 ${PRODUCT_LIMITS.attrNameMax} 个字` })
    if (a.values.some((v) => v.trim().length > PRODUCT_LIMITS.attrValueMax)) {
      issues.push({ path: `attributes.${i}.values`, message: `每个规格值最多 ${PRODUCT_LIMITS.attrValueMax} 个字` })
    }
    if (name !== '' && a.values.every((v) => v.trim() === '')) issues.push({ path: `attributes.${i}.values`, message: '请至少填一个规格值' })
    if (name !== '') seen.add(name)
  })
  if (usableAttributes(attributes).length > PRODUCT_LIMITS.attrsMax) issues.push({ path: 'attributes', message: `最多 ${PRODUCT_LIMITS.attrsMax} 种规格` })
  const count = combinations(attributes).length
  if (count > MAX_SKUS) issues.push({ path: 'attributes', message: `组合出 ${count} 个 SKU，最多 ${MAX_SKUS} 个` })
  return issues
}

export type SkuInput = { id?: string; attrs: SkuAttrs; priceFen: number; stock: number }

/** Rows → the API's skus, or every problem at its `skus.N.field` path. */
export function toSkuInputs(rows: readonly SkuRow[]): { ok: true; skus: SkuInput[] } | { ok: false; issues: FieldIssue[] } {
  const issues: FieldIssue[] = []
  const skus: SkuInput[] = []
  rows.forEach((row, i) => {
    const price = parseYuan(row.price, { maxFen: MAX_PRICE_FEN })
    if (!price.ok) issues.push({ path: `skus.${i}.priceFen`, message: price.error.message })
    const stock = row.stock
    const problem = stockProblem(stock)
    if (problem) issues.push({ path: `skus.${i}.stock`, message: problem })
    if (price.ok && stock !== null && !problem) skus.push({ ...(row.id ? { id: row.id } : {}), attrs: row.attrs, priceFen: price.value, stock })
  })
  if (rows.length === 0) issues.push({ path: 'skus', message: '至少需要一个 SKU' })
  return issues.length > 0 ? { ok: false, issues } : { ok: true, skus }
}
