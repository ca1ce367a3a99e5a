// Who the shopper is before login (anonId, kept in storage) and this run of the app
// (sessionId, new at every launch). Login binds the anonId to the user on the server.
import { newId } from './ids'
import { readJson, writeJson } from './storage'

const ANON_KEY = 'identity:anonId'
let sessionId: string | null = null

let anon: string | null = null

export function anonId(): string {
  anon ??= readJson<string>(ANON_KEY) ?? null
  if (anon) return anon
  anon = newId('a')
  try {
    writeJson(ANON_KEY, anon)
  } catch (e) {
    // NOTE: storage can be full; this run keeps its id in memory rather than failing.
    console.error('identity: could not store the anonymous id', e)
  }
  return anon
}

export function currentSessionId(): string {
  sessionId ??= newId('s')
  return sessionId
}
