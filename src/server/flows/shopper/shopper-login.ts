/**
 * Shopper login: wx.login code → jscode2session → openid → our own token.
 * The token is random and stored hashed; session_key stays in the users
 * row and never leaves the server. An anonId from before login is bound to
 * the user, and its events moved to the user, so analytics count the
 * shopper once (flows/events/bind-device.ts).
 */
import { ok, type Result } from '@core/result'
import { addMs } from '../../clock'
import { insertShopperSession, upsertUserByOpenid } from '../../db/repos/user-repo'
import type { Deps } from '../../deps'
import { hashToken, newId, newToken } from '../../ids'
import { jscode2session } from '../../wechat/jscode2session'
import { bindDevice } from '../events/bind-device'

export const SHOPPER_SESSION_MS = 30 * 24 * 60 * 60 * 1000

export async function shopperLogin(
  deps: Deps,
  input: { code: string; anonId?: string }
): Promise<Result<{ token: string; user: { id: string } }>> {
  const session = await jscode2session(deps.config.wechat, input.code)
  if (!session.ok) return session
  const now = deps.clock.now()
  const token = newToken()
  const userId = await deps.db.transaction().execute(async (trx) => {
    const id = await upsertUserByOpenid(trx, {
      id: newId('usr'),
      openid: session.value.openid,
      unionid: session.value.unionid,
      sessionKey: session.value.sessionKey,
      at: now.toISOString()
    })
    await insertShopperSession(trx, {
      tokenHash: hashToken(token),
      userId: id,
      createdAt: now.toISOString(),
      expiresAt: addMs(now, SHOPPER_SESSION_MS).toISOString()
    })
    if (input.anonId) await bindDevice(trx, { anonId: input.anonId, userId: id, at: now })
    return id
  })
  return ok({ token, user: { id: userId } })
}
