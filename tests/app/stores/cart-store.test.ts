import { __reset, __storage } from '../../setup/taro'

beforeEach(() => __reset())

function freshStore() {
  let mod: typeof import('../../../src/app/stores/cart-store') | undefined
  jest.isolateModules(() => {
    mod = require('../../../src/app/stores/cart-store')
  })
  return mod!.useCartStore
}

test('the cart is persisted in Taro storage and comes back after a restart (lines and owner, not prices)', () => {
  const before = freshStore()
  const added = before.getState().add('sku-a', 2, { stock: 5, priceFen: 1990 })
  expect(added.ok).toBe(true)
  before.setState({ owner: 'u1', priced: { items: [], totalFen: 0, payableCount: 0, payableLines: 0, hasProblems: false } })
  const saved = JSON.parse(__storage.get('cart') as string)
  expect(saved.state).toEqual({ lines: [{ skuId: 'sku-a', qty: 2, seenPriceFen: 1990 }], owner: 'u1' })

  const after = freshStore()
  expect(after.getState().lines).toEqual([{ skuId: 'sku-a', qty: 2, seenPriceFen: 1990 }])
  expect(after.getState().owner).toBe('u1')
  expect(after.getState().priced).toBeNull()
})

test('adding beyond the stock is refused with the reason, and the cart is unchanged', () => {
  const store = freshStore()
  store.getState().add('sku-a', 2, { stock: 3, priceFen: 1990 })
  const refused = store.getState().add('sku-a', 2, { stock: 3, priceFen: 1990 })
  expect(refused).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_STOCK', message: '库存仅剩 3 件' } })
  expect(store.getState().lines).toEqual([{ skuId: 'sku-a', qty: 2, seenPriceFen: 1990 }])
  expect(store.getState().add('sku-b', 1, { stock: 0, priceFen: 100 })).toMatchObject({ ok: false, error: { code: 'SOLD_OUT' } })
})

test('a corrupt stored cart does not crash the app', () => {
  __storage.set('cart', '{not json')
  const error = jest.spyOn(console, 'error').mockImplementation(() => {})
  const store = freshStore()
  expect(store.getState().lines).toEqual([])
  error.mockRestore()
})
