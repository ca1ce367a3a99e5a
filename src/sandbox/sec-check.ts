// POST /wxa/msg_sec_check (version 2): text content security. The sandbox has no model: the content
// is risky or needs review when it contains one of its words (DEFAULT_SEC_WORDS, plus those added
// through POST /sandbox/mp/sec-words), and passes otherwise.
import type { Deps } from './deps'
import { hex, isIssuedOpenid } from './ids'
import type { WxResult } from './mp-api'
import { wxError } from './mp-errors'
import { SEC_LABELS, type SecSuggest, type SecWord } from './reach-store'

const MAX_CONTENT = 2500

function knownOpenid(d: Deps, openid: string): boolean {
  return d.o.acceptUnknownOpenids || d.store.openids.has(openid) || isIssuedOpenid(openid, d.o.secret)
}

/** The word that decides: a risky one before one for review. */
function match(words: readonly SecWord[], texts: string[]): SecWord | undefined {
  const text = texts.join('\n').toLowerCase()
  const hits = words.filter((w) => text.includes(w.word.toLowerCase()))
  return hits.find((w) => w.suggest === 'risky') ?? hits[0]
}

export function msgSecCheck(d: Deps, body: Record<string, unknown>): WxResult {
  if (body.version !== 2 && body.version !== '2') return wxError(40097, 'version must be 2')
  if (typeof body.openid !== 'string' || !knownOpenid(d, body.openid)) return wxError(40003)
  if (![1, 2, 3, 4].includes(body.scene as number)) return wxError(40129, 'scene must be 1 (资料), 2 (评论), 3 (论坛) or 4 (社交日志)')
  if (typeof body.content !== 'string') return wxError(40097, 'content is required')
  if ([...body.content].length > MAX_CONTENT) return wxError(40097, `content is longer than ${MAX_CONTENT} characters`)
  const texts = [body.content]
  // nickname, title and signature are checked with scene 1 (资料) only.
  if (body.scene === 1) for (const k of ['nickname', 'title', 'signature']) if (typeof body[k] === 'string') texts.push(body[k] as string)
  const hit = match(d.store.mp.reach.secWords, texts)
  const suggest = hit?.suggest ?? 'pass'
  const label = hit?.label ?? 100
  return {
    trace_id: `${hex(4)}-${hex(4)}-${hex(4)}`,
    result: { suggest, label },
    detail: [
      { strategy: 'content_model', errcode: 0, suggest, label, prob: hit ? 90 : 0 },
      { strategy: 'keyword', errcode: 0, ...(hit ? { suggest, label, level: 20, keyword: hit.word } : { suggest: 'pass', label: 100 }) }
    ]
  }
}

/** Adds (or replaces) a word; what POST /sandbox/mp/sec-words does. */
export function addSecWord(d: Deps, input: { word: unknown; suggest?: unknown; label?: unknown }): SecWord {
  const { word } = input
  const suggest = input.suggest ?? 'risky'
  const label = input.label ?? (suggest === 'review' ? 10001 : 21000)
  if (typeof word !== 'string' || word.trim() === '') throw new RangeError('word must be a non-empty string')
  if (suggest !== 'risky' && suggest !== 'review') throw new RangeError('suggest must be risky or review')
  if (!(SEC_LABELS as readonly unknown[]).includes(label) || label === 100) throw new RangeError(`label must be one of ${SEC_LABELS.filter((l) => l !== 100).join(', ')}`)
  const entry: SecWord = { word: word.trim(), suggest: suggest as SecSuggest, label: label as number }
  const words = d.store.mp.reach.secWords
  const at = words.findIndex((w) => w.word === entry.word)
  if (at >= 0) words[at] = entry
  else words.push(entry)
  return entry
}
