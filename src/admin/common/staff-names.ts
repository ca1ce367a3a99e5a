/**
 * Staff ids → names, and who last touched each page, for admins. The page
 * API does not say who saved a draft, so the list reads it from the audit log
 * (newest 100 entries; older pages show only the time). Editors may read
 * neither staff nor audit, so for them this stays empty and is never asked.
 */
import { useEffect, useState } from 'react'
import { api } from '../api/client'
import type { Paged, Staff } from '../api/types'
import { useStaff } from '../session/session-context'
import { useNotify } from './notify'

interface AuditEntry {
  actorId: string | null
  action: string
  target: { type: string; id: string }
}

export interface StaffNames {
  names: Map<string, string>
  /** page id → name of whoever changed it last (create, save, publish, restore…). */
  lastPageEditors: Map<string, string>
}

export function useStaffNames(): StaffNames | null {
  const me = useStaff()
  const notify = useNotify()
  const [value, setValue] = useState<StaffNames | null>(null)
  useEffect(() => {
    if (me.role !== 'admin') return
    Promise.all([api.get<Paged<Staff>>('/api/admin/staff'), api.get<Paged<AuditEntry>>('/api/admin/audit', { limit: 100 })]).then(([staff, audit]) => {
      const names = new Map(staff.items.map((s) => [s.id, s.name || s.email]))
      const lastPageEditors = new Map<string, string>()
      for (const e of audit.items) {
        if (e.target.type !== 'page' || !e.actorId || !e.action.startsWith('page.') || lastPageEditors.has(e.target.id)) continue
        lastPageEditors.set(e.target.id, names.get(e.actorId) ?? e.actorId)
      }
      setValue({ names, lastPageEditors })
    }, (e: unknown) => notify.error(e))
  }, [me.role, notify])
  return value
}
