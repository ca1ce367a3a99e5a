/**
 * PUT /api/v1/me/profile: the shopper's nickname and avatar (WeChat's
 * fill-in components). A new name passes WeChat's msg_sec_check first
 * (scene: profile); a risky verdict is 422 CONTENT_RISKY and nothing is
 * saved; when the check cannot be made the name is not saved either
 * (WECHAT_UNAVAILABLE), since an unchecked name would show on posters.
 */
import type { ProfileDto, ProfileInput } from '@core/contract/reach'
import type { ErrorCode } from '@core/error-codes'
import { err, ok, type Result } from '@core/result'
import { findUserProfile, updateUserProfile } from '../../db/repos/reach-repo'
import type { Deps } from '../../deps'
import { reachWechat } from './reach-wechat'

export async function updateProfile(deps: Deps, userId: string, input: ProfileInput): Promise<Result<ProfileDto, ErrorCode>> {
  const user = await findUserProfile(deps.db, userId)
  if (!user) return err('UNAUTHENTICATED', 'log in again')
  if (input.name !== undefined && input.name !== user.name) {
    const checked = await reachWechat(deps).textCheck(user.openid, input.name)
    if (!checked.ok) return checked
    if (checked.value.risky) return err('CONTENT_RISKY', '昵称未通过微信内容安全检查，请换一个', { label: checked.value.label })
  }
  await updateUserProfile(deps.db, userId, {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.avatarUrl !== undefined ? { avatarUrl: input.avatarUrl } : {})
  })
  const after = await findUserProfile(deps.db, userId)
  return ok({ name: after?.name ?? null, avatarUrl: after?.avatarUrl ?? null })
}

export async function getProfile(deps: Deps, userId: string): Promise<ProfileDto> {
  const user = await findUserProfile(deps.db, userId)
  return { name: user?.name ?? null, avatarUrl: user?.avatarUrl ?? null }
}
