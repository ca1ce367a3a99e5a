/** Ends one staff session; ending an unknown one is not an error (logout is idempotent). */
import { deleteStaffSession } from '../../db/repos/staff-session-repo'
import type { Deps } from '../../deps'
import { hashToken } from '../../ids'

export async function staffLogout(deps: Deps, token: string | undefined): Promise<void> {
  if (token) await deleteStaffSession(deps.db, hashToken(token))
}
