/** The shopper behind a bearer token, or null (unknown or expired). */
import { findUserIdBySession } from '../../db/repos/user-repo'
import type { Deps } from '../../deps'
import { hashToken } from '../../ids'

export async function authenticateShopper(deps: Deps, token: string | undefined): Promise<{ userId: string } | null> {
  if (!token) return null
  const userId = await findUserIdBySession(deps.db, hashToken(token), deps.clock.now().toISOString())
  return userId ? { userId } : null
}
