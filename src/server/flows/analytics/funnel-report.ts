/**
 * GET /api/admin/analytics/funnel (docs/api.md "Report definitions"): for
 * each step, the shoppers who did it after every earlier step, in the
 * window; with contentSlug, the first step is a view of that page. "After"
 * admits the same millisecond. A shopper is the bound user or the anon id.
 */
import { FUNNEL_STEPS, type FunnelResponse } from '@core/contract/analytics'
import type { Executor } from '../../db/database'
import { funnelCounts, type Window } from '../../db/repos/analytics-repo'

export async function funnelReport(
  db: Executor,
  w: Window,
  contentSlug?: string
): Promise<FunnelResponse> {
  const users = await funnelCounts(db, w, FUNNEL_STEPS, contentSlug)
  return { steps: FUNNEL_STEPS.map((name, i) => ({ name, users: users[i] ?? 0 })) }
}
