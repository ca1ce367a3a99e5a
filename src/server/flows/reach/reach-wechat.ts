/**
 * The WeChat calls reach makes, as Result values with this app's error
 * codes: URL Link, encrypted scheme, Short Link, mini-program code, text
 * check. The requests themselves are src/server/wechat/mp/reach-api.ts;
 * this only adapts their answers (a refusal's errcode goes to the message).
 */
import { err, ok, type Result } from '@core/result'
import type { ErrorCode } from '@core/error-codes'
import type { Deps } from '../../deps'
import * as api from '../../wechat/mp/reach-api'

/** URL Links and schemes live 30 days at most (wechat-commerce.md §2.1). */
export const LINK_DAYS = 30

export interface ReachWechat {
  urlLink(path: string, query: string): Promise<Result<{ urlLink: string; expiresAt: Date }, ErrorCode>>
  scheme(path: string, query: string): Promise<Result<{ scheme: string; expiresAt: Date }, ErrorCode>>
  shortLink(pageUrl: string, title: string): Promise<Result<string, ErrorCode>>
  code(scene: string, page: string): Promise<Result<Buffer, ErrorCode>>
  /** risky: WeChat's suggest was not `pass`. */
  textCheck(openid: string, content: string): Promise<Result<{ risky: boolean; label: number | null }, ErrorCode>>
}

type Refusal = { ok: false; errcode?: number | null; errmsg?: string }

function refused(what: string, a: Refusal): Result<never, ErrorCode> {
  const code: ErrorCode = a.errcode === null || a.errcode === undefined ? 'WECHAT_UNAVAILABLE' : 'WECHAT_MISCONFIGURED'
  return err(code, `WeChat refused ${what}: ${a.errcode ?? 'unreachable'} ${a.errmsg ?? ''}`.trim())
}

const toDate = (v: unknown, fallback: Date): Date => {
  if (v instanceof Date) return v
  if (typeof v === 'number') return new Date(v < 1e12 ? v * 1000 : v)
  if (typeof v === 'string' && !Number.isNaN(Date.parse(v))) return new Date(v)
  return fallback
}

export function reachWechat(deps: Deps): ReachWechat {
  const client = deps.mp
  const later = () => new Date(deps.clock.now().getTime() + LINK_DAYS * 24 * 3600_000)
  return {
    async urlLink(path, query) {
      const a = await api.generateUrlLink(client, { path, query, expireIntervalDays: LINK_DAYS })
      if (!a.ok) return refused('a URL Link', a)
      return ok({ urlLink: a.urlLink, expiresAt: toDate(a.expiresAt, later()) })
    },
    async scheme(path, query) {
      const a = await api.generateScheme(client, { path, query, expireIntervalDays: LINK_DAYS })
      if (!a.ok) return refused('a URL Scheme', a)
      return ok({ scheme: a.openlink, expiresAt: toDate(a.expiresAt, later()) })
    },
    async shortLink(pageUrl, title) {
      const a = await api.generateShortLink(client, { pageUrl, pageTitle: title })
      if (!a.ok) return refused('a Short Link', a)
      return ok(a.link)
    },
    async code(scene, page) {
      const a = await api.getUnlimitedCode(client, { scene, page })
      if (!a.ok) return refused('a mini-program code', a)
      return ok(a.png)
    },
    async textCheck(openid, content) {
      const a = await api.msgSecCheck(client, { openid, content })
      if (!a.ok) return refused('the text check', a)
      return ok({ risky: a.suggest !== 'pass', label: typeof a.label === 'number' ? a.label : null })
    }
  }
}
