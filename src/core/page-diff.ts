// What changed between two versions of a content page (the admin's version
// history): page fields, and blocks added, removed or edited, each edited
// block with its field-level changes (`hotspots.1.x: 0.2 → 0.35`).
//
// Blocks carry no ids, so they are matched by content: the longest common
// subsequence of identical blocks stays put; between two anchors, a removed
// and an added block of the same type (in order) are one edited block;
// whatever is left was removed or added. Blocks that only moved show as a
// removal and an addition.
import type { Block } from './content-blocks'

export interface FieldChange {
  /** Dotted path inside the block (or page), e.g. `title`, `hotspots.0.x`. */
  path: string
  before?: unknown
  after?: unknown
}

export type BlockChange =
  | { kind: 'added'; index: number; type: string; block: Block }
  | { kind: 'removed'; fromIndex: number; type: string; block: Block }
  | { kind: 'edited'; fromIndex: number; index: number; type: string; changes: FieldChange[] }

export interface DiffablePage {
  slug: string
  title: string
  cover: string | null
  share: { title: string | null; imageUrl: string | null }
  blocks: readonly Block[]
}

export interface PageDiff {
  /** Page-level fields: slug, title, cover, share.title, share.imageUrl. */
  fields: FieldChange[]
  blocks: BlockChange[]
  /** Counts, for a one-line summary (新增 1 · 删除 0 · 修改 2). */
  summary: { added: number; removed: number; edited: number; unchanged: number }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]))
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)])
    return [...keys].every((k) => deepEqual(a[k], b[k]))
  }
  return false
}

/** Field-level changes between two JSON values; arrays are compared index by index. */
export function diffValues(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (deepEqual(before, after)) return []
  const at = (k: string | number) => (path === '' ? String(k) : `${path}.${k}`)
  if (Array.isArray(before) && Array.isArray(after)) {
    const out: FieldChange[] = []
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      if (i >= before.length) out.push({ path: at(i), after: after[i] })
      else if (i >= after.length) out.push({ path: at(i), before: before[i] })
      else out.push(...diffValues(before[i], after[i], at(i)))
    }
    return out
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    return keys.flatMap((k) => {
      if (!(k in after) || after[k] === undefined) return before[k] === undefined ? [] : [{ path: at(k), before: before[k] }]
      if (!(k in before) || before[k] === undefined) return [{ path: at(k), after: after[k] }]
      return diffValues(before[k], after[k], at(k))
    })
  }
  return [{ path: path === '' ? '(value)' : path, before, after }]
}

/** Index pairs [i in a, j in b] of a longest common subsequence of equal blocks. */
function lcsPairs(a: readonly Block[], b: readonly Block[]): Array<[number, number]> {
  const n = a.length
  const m = b.length
  const len: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      len[i]![j] = deepEqual(a[i], b[j]) ? len[i + 1]![j + 1]! + 1 : Math.max(len[i + 1]![j]!, len[i]![j + 1]!)
    }
  }
  const pairs: Array<[number, number]> = []
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (deepEqual(a[i], b[j])) {
      pairs.push([i, j])
      i++
      j++
    } else if (len[i + 1]![j]! >= len[i]![j + 1]!) i++
    else j++
  }
  return pairs
}

export function diffBlocks(a: readonly Block[], b: readonly Block[]): { changes: BlockChange[]; unchanged: number } {
  const anchors = [...lcsPairs(a, b), [a.length, b.length] as [number, number]]
  const changes: BlockChange[] = []
  let i = 0
  let j = 0
  for (const [ai, bj] of anchors) {
    const removed = Array.from({ length: ai - i }, (_, k) => i + k)
    const added = Array.from({ length: bj - j }, (_, k) => j + k)
    // Pair a removed and an added block of the same type, in order: that block was edited.
    const edits = new Map<number, number>()
    const usedAdded = new Set<number>()
    for (const r of removed) {
      const match = added.find((x) => !usedAdded.has(x) && a[r]!.type === b[x]!.type)
      if (match !== undefined) {
        edits.set(r, match)
        usedAdded.add(match)
      }
    }
    for (const r of removed) {
      const to = edits.get(r)
      const block = a[r]!
      if (to === undefined) changes.push({ kind: 'removed', fromIndex: r, type: block.type, block })
      else {
        const { type: _a, ...before } = block
        const { type: _b, ...after } = b[to]!
        changes.push({ kind: 'edited', fromIndex: r, index: to, type: block.type, changes: diffValues(before, after) })
      }
    }
    for (const x of added) if (!usedAdded.has(x)) changes.push({ kind: 'added', index: x, type: b[x]!.type, block: b[x]! })
    i = ai + 1
    j = bj + 1
  }
  return { changes, unchanged: anchors.length - 1 }
}

/** The difference from page `a` (the older version) to page `b`. */
export function diffPages(a: DiffablePage, b: DiffablePage): PageDiff {
  const fields = diffValues(
    { slug: a.slug, title: a.title, cover: a.cover, share: a.share },
    { slug: b.slug, title: b.title, cover: b.cover, share: b.share }
  )
  const { changes, unchanged } = diffBlocks(a.blocks, b.blocks)
  const count = (kind: BlockChange['kind']) => changes.filter((c) => c.kind === kind).length
  return { fields, blocks: changes, summary: { added: count('added'), removed: count('removed'), edited: count('edited'), unchanged } }
}
