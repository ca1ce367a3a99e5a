// The sharer report's subtree depths against core's maxDepthFrom, share by
// share, on random forests (with missing parents and a corrupt cycle).
import { maxDepthFrom } from '@core/attribution'
import { indexShares, subtreeMaxDepths, type ShareFact } from '../../../src/server/flows/analytics/share-index'

function forest(seed: number, size: number): ShareFact[] {
  let a = seed
  const rnd = () => ((a = (a * 1103515245 + 12345) % 2147483648) / 2147483648)
  const out: ShareFact[] = []
  for (let i = 0; i < size; i++) {
    const r = rnd()
    const parent = i === 0 || r < 0.3 ? null : r < 0.35 ? `missing${i}` : `s${Math.floor(rnd() * i)}`
    out.push({ shareId: `s${i}`, sharer: `u${i % 7}`, parentShareId: parent, slug: null, ts: i })
  }
  return out
}

test('every share’s subtree maximum equals core’s maxDepthFrom of that share', () => {
  for (const seed of [1, 2, 3, 42]) {
    const shares = indexShares(forest(seed, 300))
    const lookup = new Map([...shares].map(([id, s]) => [id, { parentShareId: s.parentShareId }]))
    const deepest = subtreeMaxDepths(shares)
    for (const id of shares.keys()) expect([id, deepest.get(id)]).toEqual([id, maxDepthFrom([id], lookup)])
  }
})

test('a reused share id keeps its first event; a cycle ends without hanging', () => {
  const shares = indexShares([
    { shareId: 'a', sharer: 'u1', parentShareId: null, slug: 'x', ts: 1 },
    { shareId: 'a', sharer: 'thief', parentShareId: null, slug: 'y', ts: 2 },
    { shareId: 'b', sharer: 'u2', parentShareId: 'c', slug: null, ts: 3 },
    { shareId: 'c', sharer: 'u3', parentShareId: 'b', slug: null, ts: 4 }
  ])
  expect(shares.get('a')?.sharer).toBe('u1')
  const deepest = subtreeMaxDepths(shares)
  expect(deepest.get('a')).toBe(1)
  const lookup = new Map([...shares].map(([id, s]) => [id, { parentShareId: s.parentShareId }]))
  expect(deepest.get('b')).toBe(maxDepthFrom(['b'], lookup))
})
