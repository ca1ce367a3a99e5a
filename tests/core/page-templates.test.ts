import { validateBlocks } from '@core/content'
import { instantiateTemplate, launchTimeAfter, PAGE_TEMPLATES, PLACEHOLDER_IMAGE } from '@core/page-templates'

const NOW = Date.parse('2026-03-01T02:00:00Z')
const products = [
  { id: 'p1', images: ['/media/p1.jpg'] },
  { id: 'p2', images: ['/media/p2.jpg'] }
]

describe('page templates', () => {
  test.each(PAGE_TEMPLATES.map((t) => [t.id, t] as const))('%s makes valid blocks with products, with fewer products, and with none', (_id, template) => {
    for (const list of [products, products.slice(0, 1), []]) {
      const made = instantiateTemplate(template, list, NOW)
      expect(validateBlocks(made.blocks).ok).toBe(true)
      expect(made.blocks.length).toBeGreaterThan(0)
    }
  })

  test('slots take the given products; pictures are theirs', () => {
    const made = instantiateTemplate(PAGE_TEMPLATES.find((t) => t.id === 'lookbook')!, products, NOW)
    const look = made.blocks[0]
    expect(look).toEqual(expect.objectContaining({ type: 'shop-the-look', image: '/media/p1.jpg' }))
    expect(look?.type === 'shop-the-look' && look.hotspots.map((h) => h.productId)).toEqual(['p1', 'p2'])
    const grid = made.blocks.find((b) => b.type === 'product-grid')
    expect(grid?.type === 'product-grid' && grid.productIds).toEqual(['p1', 'p2'])
  })

  test('without products: product blocks are left out and said so; placeholder pictures', () => {
    const made = instantiateTemplate(PAGE_TEMPLATES.find((t) => t.id === 'launch')!, [], NOW)
    expect(made.blocks.map((b) => b.type)).toEqual(['hero', 'countdown', 'divider', 'text'])
    expect(made.blocks[0]).toEqual(expect.objectContaining({ image: PLACEHOLDER_IMAGE }))
    expect(made.notes).toEqual(expect.arrayContaining(['商品卡片需要先添加商品，已略去', '部分图片是占位图，请替换为上传的图片']))
  })

  test('the countdown defaults to 10:00 China time some days ahead', () => {
    expect(launchTimeAfter(NOW, 7)).toBe('2026-03-08T10:00:00+08:00')
    // 2026-03-01T20:00Z is already 03-02 in China.
    expect(launchTimeAfter(Date.parse('2026-03-01T20:00:00Z'), 1)).toBe('2026-03-03T10:00:00+08:00')
  })
})
