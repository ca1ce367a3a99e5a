/**
 * How often a screen reads again something the server is still settling
 * (a refund WeChat Pay has not answered yet). Tests pass a short interval
 * through <AdminApp pollMs>; TanStack Query's refetchInterval does the polling.
 */
import { createContext, useContext } from 'react'

export const DEFAULT_POLL_MS = 2_000

export const PollContext = createContext<number>(DEFAULT_POLL_MS)

export const usePollMs = () => useContext(PollContext)
