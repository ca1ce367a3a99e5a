/**
 * The mini-program's access_token from POST {WECHAT_API_BASE}/cgi-bin/stable_token,
 * kept in the database (wechat_tokens) so every instance uses the same one.
 * It is renewed RENEW_BEFORE_MS before it expires; when WeChat refuses it
 * (40001/42001/40014) the caller passes it as `rejected` and gets a fresh one.
 * Only the holder of the row's refresh lease asks WeChat; the others wait
 * for the row to change, so a fleet never stampedes stable_token (whose
 * force_refresh is limited to 20 a day).
 */
import { randomBytes } from 'node:crypto'
import { addMs, type Clock } from '../../clock'
import type { Executor } from '../../db/database'
import { ensureTokenRow, readToken, releaseRefreshLease, storeToken, takeRefreshLease } from '../../db/repos/wechat-token-repo'
import { postJson } from './http'

export const RENEW_BEFORE_MS = 5 * 60_000
const LEASE_MS = 30_000
const WAIT_STEP_MS = 50
const WAIT_MAX_MS = 10_000

export interface TokenContext {
  db: Executor
  clock: Clock
  appId: string
  secret: string
  apiBase: string
  instanceId: string
}

/** stable_token refused our credentials, or could not be reached: errcode as WeChat gave it (null: no answer). */
export class TokenError extends Error {
  constructor(
    readonly errcode: number | null,
    message: string
  ) {
    super(message)
    this.name = 'TokenError'
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export async function getAccessToken(ctx: TokenContext, opts: { rejected?: string } = {}): Promise<string> {
  await ensureTokenRow(ctx.db, ctx.appId, ctx.clock.now().toISOString())
  // Each call is its own lease holder, so concurrent calls of one instance also wait for a single refresh.
  const holder = `${ctx.instanceId}:${randomBytes(6).toString('hex')}`
  const started = Date.now()
  for (;;) {
    const now = ctx.clock.now()
    const row = await readToken(ctx.db, ctx.appId)
    const usable = row?.accessToken && row.accessToken !== opts.rejected && row.expiresAt ? row : undefined
    if (usable && usable.expiresAt! > addMs(now, RENEW_BEFORE_MS).toISOString()) return usable.accessToken!

    const won = await takeRefreshLease(ctx.db, ctx.appId, holder, now.toISOString(), addMs(now, LEASE_MS).toISOString())
    if (won) return refresh(ctx, holder, opts.rejected)
    // Someone else is renewing: a token that still works is fine meanwhile.
    if (usable && usable.expiresAt! > now.toISOString()) return usable.accessToken!
    if (Date.now() - started > WAIT_MAX_MS) {
      throw new TokenError(null, 'another instance has been refreshing the access_token for too long; try again')
    }
    await sleep(WAIT_STEP_MS)
  }
}

async function refresh(ctx: TokenContext, holder: string, rejected: string | undefined): Promise<string> {
  try {
    // Another instance may have renewed between our read and our lease.
    const row = await readToken(ctx.db, ctx.appId)
    const now = ctx.clock.now()
    if (row?.accessToken && row.accessToken !== rejected && row.expiresAt && row.expiresAt > addMs(now, RENEW_BEFORE_MS).toISOString()) {
      await releaseRefreshLease(ctx.db, ctx.appId, holder)
      return row.accessToken
    }
    let fresh = await askStableToken(ctx, false)
    // Normal mode hands back the current token while WeChat thinks it valid; ours was refused, so force.
    if (rejected && fresh.token === rejected) fresh = await askStableToken(ctx, true)
    const at = ctx.clock.now()
    await storeToken(ctx.db, ctx.appId, holder, {
      accessToken: fresh.token,
      expiresAt: addMs(at, fresh.expiresInS * 1000).toISOString(),
      updatedAt: at.toISOString()
    })
    return fresh.token
  } catch (e) {
    await releaseRefreshLease(ctx.db, ctx.appId, holder)
    throw e
  }
}

async function askStableToken(ctx: TokenContext, force: boolean): Promise<{ token: string; expiresInS: number }> {
  const answer = await postJson(`${ctx.apiBase}/cgi-bin/stable_token`, {
    grant_type: 'client_credential',
    appid: ctx.appId,
    secret: ctx.secret,
    ...(force ? { force_refresh: true } : {})
  })
  if (!answer.ok) throw new TokenError(answer.errcode, `stable_token failed: ${answer.errcode ?? 'no answer'} ${answer.errmsg}`)
  const token = answer.body.access_token
  const expiresIn = answer.body.expires_in
  if (typeof token !== 'string' || token === '' || typeof expiresIn !== 'number' || expiresIn <= 0) {
    throw new TokenError(null, 'stable_token answered without access_token/expires_in')
  }
  return { token, expiresInS: expiresIn }
}
