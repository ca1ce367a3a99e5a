import { z } from 'zod'
import type { Deps } from './deps'
import { isIssuedOpenid } from './ids'
import { wxError, type WxError } from './mp-errors'
import { valueProblem } from './subscribe-values'
import { templateById } from './subscribe-templates'
import { firstWxError, wx } from './wx-check'

const STATES = ['developer', 'trial', 'formal'] as const
const LANGS = ['zh_CN', 'en_US', 'zh_HK', 'zh_TW'] as const
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

/** The body's fields in the order WeChat reports them; the values of `data` are the template's (below). */
function sendSchema(d: Deps) {
  return z.object({
    template_id: z
      .string({ error: wx(40037, 'template_id is required') })
      .min(1, wx(40037, 'template_id is required'))
      .refine((id) => templateById(id) !== undefined, wx(40037)),
    touser: z.string({ error: wx(40003) }).refine((openid) => knownOpenid(d, openid), wx(40003)),
    page: z.string({ error: wx(47003, 'page must be a string') }).optional(),
    miniprogram_state: z.enum(STATES, { error: wx(47003, `miniprogram_state must be one of ${STATES.join(', ')}`) }).default('formal'),
    lang: z.enum(LANGS, { error: wx(47003, `lang must be one of ${LANGS.join(', ')}`) }).default('zh_CN'),
    data: z.record(z.string(), z.unknown(), { error: wx(47003, 'data must be an object') })
  })
}

/** POST /cgi-bin/message/subscribe/send: one acceptance buys one message. */
export function sendSubscribeMessage(d: Deps, body: Record<string, unknown>): Record<string, unknown> | WxError {
  const parsed = sendSchema(d).safeParse(body)
  if (!parsed.success) return firstWxError(parsed.error.issues)
  const { touser, template_id: templateId, page, miniprogram_state: state, lang, data } = parsed.data
  const template = templateById(templateId)
  if (!template) return wxError(40037)
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
