/**
 * Which product picture belongs to a choice. Products have no per-SKU picture;
 * where a product has exactly one picture per colour, in the order its colours
 * first appear among the SKUs, the chosen colour's picture is that one. Anything
 * else (no colour, more or fewer pictures) keeps the first picture.
 */
import { attributeOptions, type Choices, type Product } from './catalog'

/** The attribute that names a colour: 颜色, 颜色分类, 色号, 配色… */
function colourAttribute(options: Record<string, string[]>): string | undefined {
  return Object.keys(options).find((name) => name.includes('色'))
}

/** Index into product.images for these choices, or 0. */
export function imageIndexFor(product: Pick<Product, 'skus' | 'images'>, choices: Choices): number {
  const options = attributeOptions(product)
  const colour = colourAttribute(options)
  if (!colour) return 0
  const colours = options[colour]
  if (colours.length < 2 || colours.length !== product.images.length) return 0
  const chosen = choices[colour]
  const index = chosen === undefined ? -1 : colours.indexOf(chosen)
  return index < 0 ? 0 : index
}

export function imageFor(product: Pick<Product, 'skus' | 'images'>, choices: Choices): string | undefined {
  return product.images[imageIndexFor(product, choices)]
}
