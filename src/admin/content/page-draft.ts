/**
 * The editor's working copy of a page and its way to the API. Blocks carry
 * a local key (stable across drag reorders); empty strings are dropped before
 * validation so a missing field reads "请填写…" rather than a format error.
 * Validation is core's validatePageInput, the same the server runs.
 */
import { validatePageInput, type BlockType } from '@core/content'
import type { FieldIssue } from '@core/result'
import type { AdminPage } from '@core/contract/admin-pages'
import type { ErrorMap } from '../common/field-errors'
import type { SaveState } from './use-autosave'

export type DraftBlock = { type: BlockType | string } & Record<string, unknown>
export interface EditorBlock {
  key: string
  block: DraftBlock
}

export interface Draft {
  slug: string
  title: string
  cover: string | null
  shareTitle: string
  shareImageUrl: string | null
  blocks: EditorBlock[]
}

/** What PUT/POST /api/admin/pages take. */
export interface PageBody {
  slug: string
  title: string
  cover: string | null
  share: { title?: string; imageUrl: string | null }
  blocks: Array<Record<string, unknown>>
}

let nextKey = 0
export const newKey = () => `b${++nextKey}`

export function draftOf(page: Pick<AdminPage, 'slug' | 'title' | 'cover' | 'share' | 'blocks'>): Draft {
  return {
    slug: page.slug,
    title: page.title,
    cover: page.cover,
    shareTitle: page.share?.title ?? '',
    shareImageUrl: page.share?.imageUrl ?? null,
    blocks: page.blocks.map((block) => ({ key: newKey(), block: block as DraftBlock }))
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Empty fields dropped (also inside a block's items: hotspots, slides), strings trimmed except body text. */
export function cleanBlock(block: DraftBlock | Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(block)) {
    if (v === '' || v === undefined || v === null) continue
    if (Array.isArray(v)) out[k] = v.map((item) => (isRecord(item) ? cleanBlock(item) : item))
    else out[k] = typeof v === 'string' && k !== 'text' ? v.trim() : v
  }
  return out
}

export function bodyOf(draft: Draft): PageBody {
  const shareTitle = draft.shareTitle.trim()
  return {
    slug: draft.slug.trim(),
    title: draft.title.trim(),
    cover: draft.cover,
    share: { ...(shareTitle ? { title: shareTitle } : {}), imageUrl: draft.shareImageUrl },
    blocks: draft.blocks.map((b) => cleanBlock(b.block))
  }
}

/** Every problem of the draft at its path (`slug`, `blocks.2.image`); [] when the server would take it. */
export function checkDraft(draft: Draft): FieldIssue[] {
  const checked = validatePageInput(bodyOf(draft))
  return checked.ok ? [] : ((checked.error.details as FieldIssue[] | undefined) ?? [{ path: '(root)', message: checked.error.message }])
}

/**
 * The problems to show: none under a block the user added and has not
 * touched yet (an empty new block is not a mistake). When those were the
 * only problems the draft is `incomplete` rather than `invalid`.
 */
export function withoutUntouched(state: SaveState, errors: ErrorMap, blocks: readonly EditorBlock[], untouched: ReadonlySet<string>): { state: SaveState; errors: ErrorMap } {
  if (untouched.size === 0) return { state, errors }
  const hidden = blocks.flatMap((b, i) => (untouched.has(b.key) ? [`blocks.${i}`] : []))
  const shown = Object.fromEntries(Object.entries(errors).filter(([path]) => !hidden.some((h) => path === h || path.startsWith(`${h}.`))))
  const count = Object.keys(shown).length
  if (state.kind !== 'invalid') return { state, errors: shown }
  return { state: count === 0 ? { kind: 'incomplete' } : { kind: 'invalid', count }, errors: shown }
}
