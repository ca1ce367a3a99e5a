// The shopper's public profile (name and avatar, shown on posters and in the sharers
// report): WeChat's avatar chooser and nickname input, the avatar uploaded through
// POST /api/v1/media, saved with PUT /api/v1/me/profile. Kept on the device too, so
// posters can show it without asking again.
import type { ProfileDto, ProfileInput } from '@core/contract/reach'
import { api } from '../../services/api'
import { currentUserId } from '../../services/auth'
import { platform } from '../../services/env'
import { ApiError } from '../../services/http'
import { readJson, writeJson } from '../../services/storage'

const KEY = 'me:profile'

type Kept = ProfileDto & { userId: string | null }

export function keptProfile(): ProfileDto | null {
  const kept = readJson<Kept>(KEY)
  return kept && kept.userId === currentUserId() ? { name: kept.name, avatarUrl: kept.avatarUrl } : null
}

export async function saveProfile(input: ProfileInput): Promise<ProfileDto> {
  try {
    const { profile } = await api.put<{ profile: ProfileDto }>('/api/v1/me/profile', input, { auth: 'required' })
    writeJson(KEY, { ...profile, userId: currentUserId() } satisfies Kept)
    return profile
  } catch (e) {
    if (e instanceof ApiError && e.code === 'CONTENT_RISKY') {
      throw new ApiError(e.status, e.code, '这个昵称未通过微信的内容检查，请换一个再保存', e.details)
    }
    throw e
  }
}

/** weapp has WeChat's avatar chooser (<Button openType="chooseAvatar">); H5 picks a photo. */
export function avatarByChooser(): boolean {
  return platform() === 'weapp'
}
