// The first screen: opened straight on a content page, the app asks for the page at launch;
// the page's first getPage takes that answer (one request in all), a later read asks again,
// and previews, live drafts and other entry pages are never fetched early.
import { __reset } from '../../setup/taro'
import { getPage, takeReadyPage } from '../../../src/app/services/content-api'
import { prefetchEntryPage } from '../../../src/app/services/page-prefetch'
import { fakeBackend } from '../helpers/fake-backend'

beforeEach(() => __reset())

const answer = {
  page: { slug: 'look', title: '新品', cover: null, blocks: [{ type: 'text', text: '你好' }], share: { title: '新品', imageUrl: null }, publishedAt: '2026-12-01T00:00:00.000Z' },
  products: {}
}

test('an entry on the content page is read once at launch and handed to the page', async () => {
  const backend = fakeBackend().on('GET', '/api/v1/pages/look', { body: answer })
  prefetchEntryPage({ path: 'pages/content/index', query: { slug: 'look' } })
  expect(backend.callsTo('GET', '/api/v1/pages/look')).toHaveLength(1)
  const first = await getPage('look')
  expect(first.page.title).toBe('新品')
  expect(backend.callsTo('GET', '/api/v1/pages/look')).toHaveLength(1)
  await getPage('look')
  expect(backend.callsTo('GET', '/api/v1/pages/look')).toHaveLength(2)
})

test('previews, live drafts and other pages are not fetched at launch', () => {
  const backend = fakeBackend().on('GET', '/api/v1/pages/look', { body: answer })
  prefetchEntryPage({ path: 'pages/content/index', query: { slug: 'look', preview: 'tok' } })
  prefetchEntryPage({ path: 'pages/content/index', query: { slug: 'look', live: '1' } })
  prefetchEntryPage({ path: 'pages/index/index', query: { slug: 'look' } })
  prefetchEntryPage({ path: 'pages/content/index', query: {} })
  expect(backend.callsTo('GET', '/api/v1/pages/look')).toHaveLength(0)
})

test('an answer that arrived before the page renders is handed over at once, and only once', async () => {
  const backend = fakeBackend().on('GET', '/api/v1/pages/look', { body: answer })
  expect(takeReadyPage('look')).toBeUndefined()
  prefetchEntryPage({ path: 'pages/content/index', query: { slug: 'look' } })
  expect(takeReadyPage('look')).toBeUndefined() // not here yet
  await new Promise((resolve) => setTimeout(resolve, 0)) // lets the answer's promise chain settle (no clock involved)
  const ready = takeReadyPage('look')
  expect(ready?.page.blocks).toEqual([{ type: 'text', text: '你好' }])
  expect(ready?.indexes).toEqual([0])
  expect(takeReadyPage('look')).toBeUndefined()
  // Taken: the page's next read asks the server again.
  await getPage('look')
  expect(backend.callsTo('GET', '/api/v1/pages/look')).toHaveLength(2)
})
