import {
  type Block,
  BLOCK_TYPES,
  blockSchema,
  firstImageOf,
  MAX_BLOCKS,
  pageFallbackImages,
  pageInputSchema,
  paragraphsOf,
  parseBlocksLenient,
  productIdsOf,
  validateBlocks,
  validatePageInput,
  validateSlug
} from '@core/content'

const good: Block[] = [
  { type: 'hero', image: '/media/hero.jpg', title: '春季新品', subtitle: '限时' },
  { type: 'text', text: '第一段\n\n第二段' },
  { type: 'image', image: 'https://cdn.example.com/a.jpg', caption: '细节' },
  { type: 'product', productId: 'p1' },
  { type: 'product-grid', productIds: ['p2', 'p1', 'p3'], title: '搭配' },
  { type: 'video', src: '/media/v.mp4', poster: '/media/poster.jpg' },
  { type: 'coupon', couponId: 'cpn_1' }
]

function issuesOf(input: unknown) {
  const result = validateBlocks(input)
  if (result.ok) throw new Error('expected a failure')
  return { code: result.error.code, issues: result.error.details as Array<{ path: string; message: string; code?: string }> }
}

describe('validateBlocks', () => {
  test('accepts every contract block type', () => {
    expect(BLOCK_TYPES).toEqual(['hero', 'text', 'image', 'product', 'product-grid', 'video', 'coupon', 'shop-the-look', 'carousel', 'countdown', 'divider', 'quote'])
    expect(validateBlocks(good)).toEqual({ ok: true, value: good })
  })

  test('optional fields may be left out, unknown keys are dropped', () => {
    const result = validateBlocks([{ type: 'hero', image: '/media/a.jpg', color: 'red' }, { type: 'video', src: '/media/v.mp4' }])
    expect(result).toEqual({ ok: true, value: [{ type: 'hero', image: '/media/a.jpg' }, { type: 'video', src: '/media/v.mp4' }] })
  })

  test('trims text', () => {
    const result = validateBlocks([{ type: 'text', text: '  你好  ' }])
    expect(result.ok && result.value[0]).toEqual({ type: 'text', text: '你好' })
  })

  test.each([
    [{ type: 'hero' }, 'blocks.0.image', '请填写头图'],
    [{ type: 'hero', image: '/media/a.jpg', title: 'x'.repeat(61) }, 'blocks.0.title', '标题最多 60 个字'],
    [{ type: 'text', text: '   ' }, 'blocks.0.text', '请填写正文'],
    [{ type: 'text', text: 'hi <script>alert(1)</script>' }, 'blocks.0.text', '正文是纯文本，不能包含 HTML 标签'],
    [{ type: 'image', image: 'javascript:alert(1)' }, 'blocks.0.image', undefined],
    [{ type: 'image', image: 'data:image/png;base64,AAA' }, 'blocks.0.image', undefined],
    [{ type: 'image', image: '//evil.com/a.jpg' }, 'blocks.0.image', undefined],
    [{ type: 'image', image: 42 }, 'blocks.0.image', '图片格式不对'],
    [{ type: 'product' }, 'blocks.0.productId', '请填写商品'],
    [{ type: 'product', productId: 'has space' }, 'blocks.0.productId', '商品格式不对'],
    [{ type: 'product-grid', productIds: [] }, 'blocks.0.productIds', '请至少选择 1 件商品'],
    [{ type: 'product-grid', productIds: ['a', 'a'] }, 'blocks.0.productIds', '商品不能重复'],
    [{ type: 'product-grid', productIds: ['a', 'b c'] }, 'blocks.0.productIds.1', '商品格式不对'],
    [{ type: 'video' }, 'blocks.0.src', '请填写视频'],
    [{ type: 'coupon' }, 'blocks.0.couponId', '请填写优惠券'],
    [{ type: 'coupon', couponId: 'a b' }, 'blocks.0.couponId', '优惠券格式不对'],
    [{ type: 'video', src: '/media/v.mp4', poster: 'ftp://x' }, 'blocks.0.poster', undefined],
    [{}, 'blocks.0.type', '缺少模块类型'],
    ['hero', 'blocks.0', '模块格式不对'],
    [null, 'blocks.0', '模块格式不对']
  ])('%j → %s', (block, path, message) => {
    const { code, issues } = issuesOf([block])
    expect(code).toBe('INVALID_BLOCKS')
    expect(issues).toHaveLength(1)
    expect(issues[0].path).toBe(path)
    if (message) expect(issues[0].message).toBe(message)
  })

  test('reports every problem of every block, each at its index', () => {
    const { issues } = issuesOf([good[0], { type: 'text' }, { type: 'image' }, good[3], { type: 'video', src: 'nope', poster: 'nope' }])
    expect(issues.map((i) => i.path)).toEqual(['blocks.1.text', 'blocks.2.image', 'blocks.4.src', 'blocks.4.poster'])
  })

  test('an unknown type is UNKNOWN_BLOCK_TYPE, other problems still listed', () => {
    const { code, issues } = issuesOf([good[0], { type: 'gallery', images: [] }, { type: 'text' }])
    expect(code).toBe('UNKNOWN_BLOCK_TYPE')
    expect(issues).toEqual([
      { path: 'blocks.1.type', message: '未知的模块类型 "gallery"', code: 'UNKNOWN_BLOCK_TYPE' },
      { path: 'blocks.2.text', message: '请填写正文' }
    ])
  })

  test('not a list, or too many blocks, fails at `blocks`', () => {
    expect(issuesOf({ type: 'hero' }).issues).toEqual([{ path: 'blocks', message: '页面内容必须是模块列表' }])
    const many = Array.from({ length: MAX_BLOCKS + 1 }, () => good[1])
    expect(issuesOf(many).issues[0].path).toBe('blocks')
    expect(validateBlocks(many.slice(1)).ok).toBe(true)
  })

  test('an empty page is valid', () => {
    expect(validateBlocks([])).toEqual({ ok: true, value: [] })
  })

  test('blockSchema (the union) accepts the same blocks', () => {
    for (const block of good) expect(blockSchema.safeParse(block).success).toBe(true)
    expect(blockSchema.safeParse({ type: 'carousel' }).success).toBe(false)
  })
})

describe('parseBlocksLenient (the app)', () => {
  test('skips unknown and broken blocks, keeps the rest in order, never throws', () => {
    const skipped: number[] = []
    const blocks = parseBlocksLenient([good[0], { type: 'carousel' }, { type: 'text' }, good[3]], (i) => skipped.push(i))
    expect(blocks).toEqual([good[0], good[3]])
    expect(skipped).toEqual([1, 2])
  })

  test('anything that is not a list is no blocks', () => {
    expect(parseBlocksLenient(undefined)).toEqual([])
    expect(parseBlocksLenient('[]')).toEqual([])
  })
})

describe('validateSlug', () => {
  test.each(['ab', 'spring-2024', 'a1', 'x'.repeat(64), 'new-arrivals-for-you'])('%p is valid', (slug) => {
    expect(validateSlug(slug)).toEqual({ ok: true, value: slug })
  })

  test.each(['a', 'x'.repeat(65), '-ab', 'ab-', 'a--b', 'Spring', 'a b', 'a_b', '春季', '', 'a.b', 42, undefined])(
    '%p is INVALID_SLUG',
    (slug) => {
      expect(validateSlug(slug)).toMatchObject({ ok: false, error: { code: 'INVALID_SLUG' } })
    }
  )
})

describe('page input', () => {
  const page = { slug: 'spring', title: '春季上新', blocks: good }

  test('accepts the minimal and the full body', () => {
    expect(validatePageInput(page)).toEqual({ ok: true, value: page })
    const full = { ...page, cover: '/media/c.jpg', share: { title: '来看看', imageUrl: '/media/s.jpg' } }
    expect(validatePageInput(full)).toEqual({ ok: true, value: full })
    expect(pageInputSchema.safeParse(full).success).toBe(true)
  })

  test('a null cover or share image clears it', () => {
    expect(validatePageInput({ ...page, cover: null, share: { imageUrl: null } }).ok).toBe(true)
  })

  test('reports page fields and block fields together with their paths', () => {
    const result = validatePageInput({ slug: 'Bad Slug', title: '', cover: 'c.jpg', share: { imageUrl: 'x' }, blocks: [good[0], { type: 'image' }] })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('INVALID_PAGE')
    expect((result.error.details as Array<{ path: string }>).map((i) => i.path)).toEqual([
      'slug',
      'title',
      'cover',
      'share.imageUrl',
      'blocks.1.image'
    ])
  })

  test('an unknown block type in a page is UNKNOWN_BLOCK_TYPE', () => {
    expect(validatePageInput({ ...page, blocks: [{ type: 'poll' }] })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_BLOCK_TYPE' } })
  })

  test('missing blocks and a non-object body are refused', () => {
    const noBlocks = validatePageInput({ slug: 'ab', title: 't' })
    expect(noBlocks.ok || (noBlocks.error.details as Array<{ path: string }>)[0].path).toBe('blocks')
    expect(validatePageInput('page')).toMatchObject({ ok: false, error: { code: 'INVALID_PAGE' } })
  })
})

describe('fallback images and product ids', () => {
  const textOnly: Block[] = [{ type: 'text', text: 'x' }, { type: 'product', productId: 'p1' }]

  test('cover falls back to the first image of the page, share image to the cover', () => {
    expect(pageFallbackImages({ title: 'T', blocks: good })).toEqual({ cover: '/media/hero.jpg', share: { title: 'T', imageUrl: '/media/hero.jpg' } })
    expect(pageFallbackImages({ title: 'T', cover: '/media/c.jpg', blocks: good })).toEqual({ cover: '/media/c.jpg', share: { title: 'T', imageUrl: '/media/c.jpg' } })
  })

  test('explicit share title and image win', () => {
    const result = pageFallbackImages({ title: 'T', cover: null, blocks: good, share: { title: 'S', imageUrl: '/media/s.jpg' } })
    expect(result).toEqual({ cover: '/media/hero.jpg', share: { title: 'S', imageUrl: '/media/s.jpg' } })
  })

  test('the first image may be an image block or a video poster; none at all is null', () => {
    expect(firstImageOf([textOnly[0], { type: 'image', image: '/media/i.jpg' }])).toBe('/media/i.jpg')
    expect(firstImageOf([{ type: 'video', src: '/media/v.mp4' }, { type: 'video', src: '/media/w.mp4', poster: '/media/p.jpg' }])).toBe('/media/p.jpg')
    expect(pageFallbackImages({ title: 'T', blocks: textOnly, share: { title: '' } })).toEqual({ cover: null, share: { title: 'T', imageUrl: null } })
  })

  test('productIdsOf lists each product once in page order', () => {
    expect(productIdsOf(good)).toEqual(['p1', 'p2', 'p3'])
    expect(productIdsOf([])).toEqual([])
  })

  test('paragraphsOf splits on blank lines', () => {
    expect(paragraphsOf('一\n\n二\n三\n \n\n四 ')).toEqual(['一', '二\n三', '四'])
  })
})
