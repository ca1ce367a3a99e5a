// Products and their SKUs (one SKU per combination of attributes such as
// 颜色/尺码), and the SKU picker's logic: which choice leads where.
import { lookupGet } from './lookup'

export type SkuAttrs = Record<string, string>

export type Sku = {
  id: string
  attrs: SkuAttrs
  priceFen: number
  stock: number
}

export type Product = {
  id: string
  title: string
  images: string[]
  description: string
  skus: Sku[]
}

/** A picker choice: attribute name → chosen value; unchosen attributes are absent. */
export type Choices = Partial<Record<string, string>>

export type ChoiceState = 'available' | 'soldOut' | 'unavailable'

/** attribute name → its values, both in the order they first appear in the SKU list. */
export function attributeOptions(product: Pick<Product, 'skus'>): Record<string, string[]> {
  const options: Record<string, string[]> = {}
  for (const sku of product.skus) {
    for (const [name, value] of Object.entries(sku.attrs)) {
      const values = (options[name] ??= [])
      if (!values.includes(value)) values.push(value)
    }
  }
  return options
}

function chosenEntries(choices: Choices): Array<[string, string]> {
  return Object.entries(choices).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '')
}

function matches(sku: Sku, entries: Array<[string, string]>): boolean {
  return entries.every(([name, value]) => lookupGet(sku.attrs, name) === value)
}

/**
 * The SKU whose every attribute is chosen with this value; undefined while the
 * choice is incomplete or names a combination that does not exist. A product
 * whose only SKU has no attributes is found with no choices.
 */
export function findSku(product: Pick<Product, 'skus'>, choices: Choices): Sku | undefined {
  const entries = chosenEntries(choices)
  return product.skus.find((sku) => {
    const names = Object.keys(sku.attrs)
    return names.length === entries.length && matches(sku, entries)
  })
}

/**
 * For every attribute value: could the shopper pick it, given the OTHER
 * attributes already chosen? `unavailable`: no SKU has that combination;
 * `soldOut`: such SKUs exist but none has stock; `available` otherwise. A
 * value's own attribute is ignored so the shopper can always switch it.
 */
export function choiceStates(
  product: Pick<Product, 'skus'>,
  choices: Choices
): Record<string, Record<string, ChoiceState>> {
  const entries = chosenEntries(choices)
  const states: Record<string, Record<string, ChoiceState>> = {}
  for (const [name, values] of Object.entries(attributeOptions(product))) {
    const others = entries.filter(([other]) => other !== name)
    states[name] = {}
    for (const value of values) {
      const candidates = product.skus.filter(
        (sku) => lookupGet(sku.attrs, name) === value && matches(sku, others)
      )
      states[name][value] =
        candidates.length === 0 ? 'unavailable' : candidates.some((sku) => sku.stock > 0) ? 'available' : 'soldOut'
    }
  }
  return states
}

/** Lowest and highest SKU price; null for a product without SKUs. */
export function priceRange(product: Pick<Product, 'skus'>): { minFen: number; maxFen: number } | null {
  if (product.skus.length === 0) return null
  const prices = product.skus.map((sku) => sku.priceFen)
  return { minFen: Math.min(...prices), maxFen: Math.max(...prices) }
}

/** Units on hand across SKUs (a negative stock from an oversold row counts as none). */
export function totalStock(product: Pick<Product, 'skus'>): number {
  return product.skus.reduce((sum, sku) => sum + Math.max(0, sku.stock), 0)
}

export function isSoldOut(product: Pick<Product, 'skus'>): boolean {
  return totalStock(product) === 0
}

/** '颜色：黑，尺码：M': the one spec label the shop and the admin show (Chinese full-width punctuation). */
export function formatAttrs(attrs: SkuAttrs): string {
  return Object.entries(attrs)
    .map(([name, value]) => `${name}：${value}`)
    .join('，')
}
