import type { Product } from '@core/catalog'
import { imageFor, imageIndexFor } from '@core/sku-image'

const sku = (id: string, attrs: Record<string, string>) => ({ id, attrs, priceFen: 100, stock: 1 })
const tee: Pick<Product, 'skus' | 'images'> = {
  images: ['/white.jpg', '/indigo.jpg'],
  skus: [sku('a', { 颜色: '白', 尺码: 'M' }), sku('b', { 颜色: '白', 尺码: 'L' }), sku('c', { 颜色: '黛青', 尺码: 'M' })]
}

test('one picture per colour: the chosen colour picks its picture, in the order colours first appear', () => {
  expect(imageFor(tee, { 颜色: '黛青' })).toBe('/indigo.jpg')
  expect(imageFor(tee, { 颜色: '白', 尺码: 'L' })).toBe('/white.jpg')
  expect(imageIndexFor(tee, { 尺码: 'M' })).toBe(0)
  expect(imageIndexFor(tee, {})).toBe(0)
})

test('other shapes keep the first picture', () => {
  expect(imageFor({ ...tee, images: ['/a.jpg', '/b.jpg', '/c.jpg'] }, { 颜色: '黛青' })).toBe('/a.jpg')
  expect(imageFor({ images: ['/s.jpg', '/m.jpg'], skus: [sku('a', { 尺码: 'S' }), sku('b', { 尺码: 'M' })] }, { 尺码: 'M' })).toBe('/s.jpg')
  expect(imageFor({ images: [], skus: [sku('a', {})] }, {})).toBeUndefined()
  expect(imageFor({ images: ['/x.jpg', '/y.jpg'], skus: [sku('a', { 颜色分类: '米白' }), sku('b', { 颜色分类: '炭灰' })] }, { 颜色分类: '炭灰' })).toBe('/y.jpg')
})
