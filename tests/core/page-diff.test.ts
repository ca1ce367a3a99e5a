import type { Block } from '@core/content'
import { deepEqual, diffBlocks, diffPages, diffValues } from '@core/page-diff'

const text = (t: string): Block => ({ type: 'text', text: t })
const look = (x: number): Block => ({ type: 'shop-the-look', image: '/media/a.jpg', hotspots: [{ x, y: 0.5, productId: 'p1' }] })
const page = (blocks: Block[], over: Record<string, unknown> = {}) => ({
  slug: 's',
  title: 'T',
  cover: null,
  share: { title: null, imageUrl: null },
  blocks,
  ...over
})

describe('page diff', () => {
  test('identical pages: nothing changed', () => {
    const blocks = [text('a'), look(0.1)]
    expect(diffPages(page(blocks), page(blocks))).toEqual({ fields: [], blocks: [], summary: { added: 0, removed: 0, edited: 0, unchanged: 2 } })
  })

  test('added, removed and edited blocks with field-level changes', () => {
    const a = [text('intro'), look(0.1), { type: 'divider' } as Block, text('end')]
    const b = [text('intro'), look(0.4), text('end'), { type: 'quote', text: 'q' } as Block]
    const d = diffBlocks(a, b)
    expect(d.unchanged).toBe(2)
    expect(d.changes).toEqual([
      { kind: 'edited', fromIndex: 1, index: 1, type: 'shop-the-look', changes: [{ path: 'hotspots.0.x', before: 0.1, after: 0.4 }] },
      { kind: 'removed', fromIndex: 2, type: 'divider', block: { type: 'divider' } },
      { kind: 'added', index: 3, type: 'quote', block: { type: 'quote', text: 'q' } }
    ])
  })

  test('a block of another type in the same place is a removal and an addition', () => {
    expect(diffBlocks([text('a')], [{ type: 'divider' }]).changes.map((c) => c.kind)).toEqual(['removed', 'added'])
  })

  test('optional fields added or dropped, array entries appended', () => {
    expect(diffValues({ title: 'x' }, {})).toEqual([{ path: 'title', before: 'x' }])
    expect(diffValues({}, { by: 'me' })).toEqual([{ path: 'by', after: 'me' }])
    expect(diffValues({ s: [1] }, { s: [1, 2] })).toEqual([{ path: 's.1', after: 2 }])
    expect(diffValues({ s: [1, 2] }, { s: [1] })).toEqual([{ path: 's.1', before: 2 }])
  })

  test('page fields: title, cover and share changes', () => {
    const d = diffPages(page([]), page([], { title: 'U', cover: '/media/c.jpg', share: { title: '分享', imageUrl: null } }))
    expect(d.fields).toEqual([
      { path: 'title', before: 'T', after: 'U' },
      { path: 'cover', before: null, after: '/media/c.jpg' },
      { path: 'share.title', before: null, after: '分享' }
    ])
  })

  test('deepEqual ignores key order', () => {
    expect(deepEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true)
    expect(deepEqual([1], [1, 2])).toBe(false)
  })
})
