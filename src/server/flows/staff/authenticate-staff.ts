/** The staff member behind a session cookie's token, or null (expired, unknown, deactivated). */
import { findStaffBySession } from '../../db/repos/staff-session-repo'
import type { Deps } from '../../deps'
import { hashToken } from '../../ids'
import type { Staff } from '@core/contract/staff'
import { staffView } from './staff-view'

export async function authenticateStaff(deps: Deps, token: string | undefined): Promise<Staff | null> {
  if (!token) return null
  const row = await findStaffBySession(deps.db, hashToken(token), deps.clock.now().toISOString())
  return row ? staffView(row) : null
}
