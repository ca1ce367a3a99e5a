/**
 * Who is signed in. The first paint asks GET /api/admin/session; a 401 from
 * any later call (the cookie expired) drops back to the login page. Signing in
 * or out empties the query cache.
 */
import { useQueryClient } from '@tanstack/react-query'
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { ApiError } from '../api/api-error'
import { api, setUnauthenticatedHandler } from '../api/client'
import type { Staff } from '@core/contract/staff'

type SessionState = { status: 'loading' } | { status: 'anonymous'; expired: boolean } | { status: 'signedIn'; staff: Staff }

interface Session {
  state: SessionState
  login(email: string, password: string): Promise<void>
  logout(): Promise<void>
}

const SessionContext = createContext<Session | null>(null)

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' })
  // What one staff member read is not shown to the next one who signs in here.
  const queries = useQueryClient()

  useEffect(() => {
    setUnauthenticatedHandler(() => setState((s) => (s.status === 'signedIn' ? { status: 'anonymous', expired: true } : s)))
    let live = true
    api
      .get<{ staff: Staff }>('/api/admin/session')
      .then(({ staff }) => live && setState({ status: 'signedIn', staff }))
      .catch((e: unknown) => {
        if (!live) return
        if (!(e instanceof ApiError && e.status === 401)) console.error('session check failed', e)
        setState({ status: 'anonymous', expired: false })
      })
    return () => {
      live = false
      setUnauthenticatedHandler(null)
    }
  }, [])

  const login = useCallback(async (email: string, password: string) => {
    const { staff } = await api.post<{ staff: Staff }>('/api/admin/session', { email, password })
    queries.clear()
    setState({ status: 'signedIn', staff })
  }, [queries])

  const logout = useCallback(async () => {
    await api.delete('/api/admin/session')
    setState({ status: 'anonymous', expired: false })
    queries.clear()
  }, [queries])

  const value = useMemo(() => ({ state, login, logout }), [state, login, logout])
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}

export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession() outside <SessionProvider>')
  return session
}

/** The signed-in staff member; only under the signed-in layout. */
export function useStaff(): Staff {
  const { state } = useSession()
  if (state.status !== 'signedIn') throw new Error('useStaff() while not signed in')
  return state.staff
}
