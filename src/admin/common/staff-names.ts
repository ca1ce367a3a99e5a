/**
 * Staff ids → names, and who last touched each page, for admins. The page
 * API does not say who saved a draft, so the list reads it from the audit log
 * (newest 100 entries; older pages show only the time). Editors may read
 * neither staff nor audit, so for them this stays empty and is never asked.
 */
import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { api } from '../api/client'
import type { Paged } from '@core/contract/common'
import type { Staff } from '@core/contract/staff'
import { keys } from '../query/query-client'
import { useStaff } from '../session/session-context'

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

/** Every staff account (admins only). */
export function useStaffList(enabled = true) {
  return useQuery({ queryKey: keys.staff, queryFn: async () => (await api.get<Paged<Staff>>('/api/admin/staff')).items, enabled })
}

export function useStaffNames(): StaffNames | null {
  const me = useStaff()
  const isAdmin = me.role === 'admin'
  const staff = useStaffList(isAdmin)
  const audit = useQuery({
    queryKey: keys.audit,
    queryFn: async () => (await api.get<Paged<AuditEntry>>('/api/admin/audit', { limit: 100 })).items,
    enabled: isAdmin
  })
  return useMemo(() => {
    if (!staff.data || !audit.data) return null
    const names = new Map(staff.data.map((s) => [s.id, s.name || s.email]))
    const lastPageEditors = new Map<string, string>()
    for (const e of audit.data) {
      if (e.target.type !== 'page' || !e.actorId || !e.action.startsWith('page.') || lastPageEditors.has(e.target.id)) continue
      lastPageEditors.set(e.target.id, names.get(e.actorId) ?? e.actorId)
    }
    return { names, lastPageEditors }
  }, [staff.data, audit.data])
}
