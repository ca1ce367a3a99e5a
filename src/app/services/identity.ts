// Who the shopper is before login (anonId, kept in storage) and this run of the app
// (sessionId, new at every launch). Login binds the anonId to the user on the server.
import { newId } from './ids'
import { readJson, writeJson } from './storage'

const ANON_KEY = 'identity:anonId'
let sessionId: string | null = null

export function anonId(): string {
  const known = readJson<string>(ANON_KEY)
  if (known) return known
  const id = newId('a')
  writeJson(ANON_KEY, id)
  return id
}

export function currentSessionId(): string {
  sessionId ??= newId('s')
  return sessionId
}
