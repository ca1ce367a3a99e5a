/** The staff member behind a session cookie's token, or null (expired, unknown, deactivated). */
import { findStaffBySession } from '../../db/repos/staff-session-repo'
import type { Deps } from '../../deps'
import { hashToken } from '../../ids'
import { staffView, type StaffView } from './staff-view'

export async function authenticateStaff(deps: Deps, token: string | undefined): Promise<StaffView | null> {
  if (!token) return null
  const row = await findStaffBySession(deps.db, hashToken(token), deps.clock.now().toISOString())
  return row ? staffView(row) : null
}
