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

/** URL Links and schemes live 30 days at most (WeChat's rule since 2022-04-11). */
export const LINK_DAYS = 30

export interface ReachWechat {
  urlLink(path: string, query: string): Promise<Result<{ urlLink: string; expiresAt: Date }, ErrorCode>>
  scheme(path: string, query: string): Promise<Result<{ scheme: string; expiresAt: Date }, ErrorCode>>
  shortLink(path: string, query: string, title: string): Promise<Result<string, ErrorCode>>
  /** width: 280–1280 px (WeChat's default 430). */
  code(scene: string, page: string, width?: number): Promise<Result<Buffer, ErrorCode>>
  /** risky: WeChat's suggest was not `pass`. */
  textCheck(openid: string, content: string): Promise<Result<{ risky: boolean; label: number | null }, ErrorCode>>
}

function refused(what: string, a: api.ReachFailure): Result<never, ErrorCode> {
  const code: ErrorCode = a.errcode === null ? 'WECHAT_UNAVAILABLE' : a.verdict === 'retry' ? 'WECHAT_BUSY' : 'WECHAT_MISCONFIGURED'
  return err(code, `WeChat refused ${what} (${a.errcode ?? 'no answer'} ${a.errmsg}): ${a.problem.message}`, { errcode: a.errcode, action: a.problem.action })
}

export function reachWechat(deps: Deps): ReachWechat {
  const client = deps.mp
  const envVersion = deps.config.wechatEnvVersion
  return {
    async urlLink(path, query) {
      const a = await api.generateUrlLink(client, { path, query, expireIntervalDays: LINK_DAYS, envVersion, now: deps.clock.now() })
      if (!a.ok) return refused('a URL Link', a)
      return ok({ urlLink: a.urlLink, expiresAt: a.expiresAt })
    },
    async scheme(path, query) {
      const a = await api.generateScheme(client, { path, query, expireIntervalDays: LINK_DAYS, envVersion, now: deps.clock.now() })
      if (!a.ok) return refused('a URL Scheme', a)
      return ok({ scheme: a.openlink, expiresAt: a.expiresAt })
    },
    async shortLink(path, query, title) {
      const a = await api.generateShortLink(client, { path, query, title })
      if (!a.ok) return refused('a Short Link', a)
      return ok(a.link)
    },
    async code(scene, page, width) {
      const a = await api.getUnlimitedCode(client, { scene, page, envVersion, ...(width !== undefined ? { width } : {}) })
      if (!a.ok) return refused('a mini-program code', a)
      return ok(a.png)
    },
    async textCheck(openid, content) {
      const a = await api.msgSecCheck(client, { openid, content, scene: 1 })
      if (!a.ok) return refused('the text check', a)
      return ok({ risky: a.suggest !== 'pass', label: a.label })
    }
  }
}
