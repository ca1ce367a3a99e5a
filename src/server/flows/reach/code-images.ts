/**
 * Mini-program code PNGs (getwxacodeunlimit), made once per scene and page
 * and kept in reach_codes: a code never changes for the same scene and
 * page, and WeChat's quota is spared.
 */
import { err, ok, type Result } from '@core/result'
import type { ErrorCode } from '@core/error-codes'
import { findCode, saveCode } from '../../db/repos/reach-repo'
import type { Deps } from '../../deps'
import { reachWechat } from './reach-wechat'

export async function codePng(deps: Deps, scene: string, page: string, width?: number): Promise<Result<Buffer, ErrorCode>> {
  const key = `${scene}|${page}|${width ?? ''}`
  const cached = await findCode(deps.db, key)
  if (cached) return ok(cached)
  const made = await reachWechat(deps).code(scene, page, width)
  if (!made.ok) return made
  if (made.value.length === 0) return err('WECHAT_UNAVAILABLE', 'WeChat answered an empty code image')
  await saveCode(deps.db, key, made.value, deps.clock.now().toISOString())
  return ok((await findCode(deps.db, key)) ?? made.value)
}
