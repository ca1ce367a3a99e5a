import type { Deps } from './deps'
import { isIssuedOpenid } from './ids'
import { wxError, type WxError } from './mp-errors'
import { valueProblem } from './subscribe-values'
import { templateById } from './subscribe-templates'

const STATES = ['developer', 'trial', 'formal']
const LANGS = ['zh_CN', 'en_US', 'zh_HK', 'zh_TW']
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)

export const acceptanceKey = (openid: string, templateId: string): string => `${openid} ${templateId}`

/** Plays the shopper tapping 允许 in requestSubscribeMessage `count` times for one template. */
export function grantAcceptances(d: Deps, openid: string, templateId: string, count: number): number {
  const key = acceptanceKey(openid, templateId)
  const left = (d.store.mp.acceptances.get(key) ?? 0) + count
  d.store.mp.acceptances.set(key, left)
  return left
}

function knownOpenid(d: Deps, openid: string): boolean {
  return d.o.acceptUnknownOpenids || d.store.openids.has(openid) || isIssuedOpenid(openid, d.o.secret)
}

/** POST /cgi-bin/message/subscribe/send: one acceptance buys one message. */
export function sendSubscribeMessage(d: Deps, body: Record<string, unknown>): Record<string, unknown> | WxError {
  const { touser, template_id: templateId, page, data } = body
  if (typeof templateId !== 'string' || templateId === '') return wxError(40037, 'template_id is required')
  const template = templateById(templateId)
  if (!template) return wxError(40037)
  if (typeof touser !== 'string' || !knownOpenid(d, touser)) return wxError(40003)
  if (page !== undefined && typeof page !== 'string') return wxError(47003, 'page must be a string')
  const state = body.miniprogram_state ?? 'formal'
  if (typeof state !== 'string' || !STATES.includes(state)) return wxError(47003, `miniprogram_state must be one of ${STATES.join(', ')}`)
  const lang = body.lang ?? 'zh_CN'
  if (typeof lang !== 'string' || !LANGS.includes(lang)) return wxError(47003, `lang must be one of ${LANGS.join(', ')}`)
  if (!isObject(data)) return wxError(47003, 'data must be an object')
  const values: Record<string, { value: string }> = {}
  for (const key of Object.keys(template.keys)) {
    const entry = data[key]
    const value = isObject(entry) ? entry.value : undefined
    const problem = valueProblem(key, value)
    if (problem) return wxError(47003, problem)
    values[key] = { value: value as string }
  }
  const accKey = acceptanceKey(touser, templateId)
  const left = d.store.mp.acceptances.get(accKey) ?? 0
  if (left <= 0) return wxError(43101)
  d.store.mp.acceptances.set(accKey, left - 1)
  d.store.mp.messages.push({
    msgid: 2_000_000_001 + d.store.mp.messages.length,
    touser,
    templateId,
    ...(typeof page === 'string' ? { page } : {}),
    miniprogramState: state,
    lang,
    data: values,
    at: new Date(d.o.now()).toISOString()
  })
  d.o.log(`subscribe message ${template.title} → ${touser}`)
  return { msgid: d.store.mp.messages[d.store.mp.messages.length - 1].msgid }
}
