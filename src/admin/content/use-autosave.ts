/**
 * Draft autosave: a change waits `delayMs` for more typing, then the draft is
 * checked with core's schema and, when valid, PUT. Problems land in `errors`
 * by path and nothing is sent, so the server never sees a draft we know is
 * bad. `flush()` saves now (before publishing) and says whether it worked.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError, messageOf } from '../api/api-error'
import type { AdminPage } from '@core/contract/admin-pages'
import { toErrorMap, type ErrorMap } from '../common/field-errors'
import { bodyOf, checkDraft, type Draft } from './page-draft'
import { pagesApi } from './pages-api'

export type SaveState =
  | { kind: 'saved'; at: Date | null }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'invalid'; count: number }
  /** Not saved because a block just added is still empty (nothing to correct yet). */
  | { kind: 'incomplete' }
  | { kind: 'failed'; message: string }

export function useAutosave(pageId: string, draft: Draft, onSaved: (page: AdminPage) => void, delayMs = 800) {
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: null })
  const [errors, setErrors] = useState<ErrorMap>({})
  const latest = useRef(draft)
  const savedDraft = useRef(draft)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const inflight = useRef<Promise<boolean> | null>(null)
  const onSavedRef = useRef(onSaved)
  onSavedRef.current = onSaved
  latest.current = draft

  const saveNow = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    if (inflight.current) await inflight.current
    const sending = latest.current
    if (sending === savedDraft.current) return true
    const issues = checkDraft(sending)
    if (issues.length > 0) {
      setErrors(toErrorMap(issues))
      setState({ kind: 'invalid', count: issues.length })
      return false
    }
    setState({ kind: 'saving' })
    const run = (async () => {
      try {
        const page = await pagesApi.save(pageId, bodyOf(sending))
        savedDraft.current = sending
        setErrors({})
        onSavedRef.current(page)
        setState(latest.current === sending ? { kind: 'saved', at: new Date() } : { kind: 'pending' })
        return true
      } catch (e) {
        setErrors(e instanceof ApiError ? toErrorMap(e.fieldIssues) : {})
        setState({ kind: 'failed', message: messageOf(e) })
        return false
      } finally {
        inflight.current = null
      }
    })()
    inflight.current = run
    return run
  }, [pageId])

  useEffect(() => {
    if (draft === savedDraft.current) return
    setState((s) => (s.kind === 'saving' ? s : { kind: 'pending' }))
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => void saveNow(), delayMs)
  }, [draft, delayMs, saveNow])

  // Leaving with unsaved edits asks first; a pending save is cancelled with the page.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (latest.current !== savedDraft.current) e.preventDefault()
    }
    window.addEventListener('beforeunload', warn)
    return () => {
      window.removeEventListener('beforeunload', warn)
      if (timer.current) clearTimeout(timer.current)
    }
  }, [])

  /** After a restore the server's content is the saved state. */
  const reset = useCallback((next: Draft) => {
    savedDraft.current = next
    latest.current = next
    setErrors({})
    setState({ kind: 'saved', at: new Date() })
  }, [])

  return { state, errors, flush: saveNow, reset }
}
