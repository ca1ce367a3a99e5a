// Shopper photos (after-sales evidence): picked from the album or camera, then
// uploaded one by one to POST /api/v1/media, which answers the URL to send.
// NOTE: weapp uses chooseMedia (chooseImage is deprecated there); Taro's H5 build
// implements chooseImage, whose paths are blob: URLs that uploadFile can read.
import Taro from '@tarojs/taro'
import type { MediaResponse } from '@core/contract/media'
import { isErrorCode } from '@core/error-codes'
import { currentToken, ensureLogin, relogin } from './auth'
import { apiBase, platform } from './env'
import { ApiError, friendlyMessage } from './http'

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024

export type PickedPhoto = { path: string; size?: number }

function cancelled(e: unknown): boolean {
  return /cancel/i.test(String((e as { errMsg?: string })?.errMsg ?? (e as Error)?.message ?? e))
}

/** At most `count` photos; [] when the shopper backs out of the picker. */
export async function pickPhotos(count: number): Promise<PickedPhoto[]> {
  if (count <= 0) return []
  try {
    if (platform() === 'weapp') {
      const r = await Taro.chooseMedia({ count, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] })
      return r.tempFiles.map((f) => ({ path: f.tempFilePath, size: f.size }))
    }
    const r = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    return r.tempFilePaths.map((path, i) => ({ path, size: r.tempFiles?.[i]?.size }))
  } catch (e) {
    if (cancelled(e)) return []
    throw new ApiError(0, 'PICK_FAILED', '无法打开相册，请在设置中允许访问相册后重试', { cause: String((e as { errMsg?: string })?.errMsg ?? e) })
  }
}

async function send(path: string, token: string): Promise<{ statusCode: number; data: unknown }> {
  try {
    // NOTE: Taro's H5 uploadFile sends cookies by default (withCredentials), which a
    // cross-origin API answering `Access-Control-Allow-Origin: *` refuses; the
    // shopper's token is a header, so no cookie is needed.
    const r = await Taro.uploadFile({ url: `${apiBase()}/api/v1/media`, filePath: path, name: 'file', header: { Authorization: `Bearer ${token}` }, withCredentials: false })
    let data: unknown = r.data
    if (typeof data === 'string' && data !== '') {
      try {
        data = JSON.parse(data)
      } catch {
        // Not JSON (a proxy's error page): the status decides below.
      }
    }
    return { statusCode: r.statusCode, data }
  } catch (e) {
    throw new ApiError(0, 'NETWORK', friendlyMessage(0), { cause: String((e as { errMsg?: string })?.errMsg ?? e) })
  }
}

/** Uploads one photo; the answer's URL is what an after-sales request carries. */
export async function uploadPhoto(photo: PickedPhoto): Promise<string> {
  if (photo.size !== undefined && photo.size > MAX_PHOTO_BYTES) {
    throw new ApiError(413, 'FILE_TOO_LARGE', '图片不能超过 5 MB，请换一张或截图后再传')
  }
  const token = currentToken() ?? (await ensureLogin())
  let res = await send(photo.path, token)
  if (res.statusCode === 401) res = await send(photo.path, await relogin())
  if (res.statusCode >= 200 && res.statusCode < 300) {
    const url = (res.data as MediaResponse | null)?.url
    if (typeof url === 'string' && url) return url
    throw new ApiError(res.statusCode, 'BAD_UPLOAD_ANSWER', '图片上传失败，请重试')
  }
  const error = (res.data as { error?: { code?: string; message?: string } } | null)?.error
  throw new ApiError(res.statusCode, isErrorCode(error?.code) ? error.code : `HTTP_${res.statusCode}`, friendlyMessage(res.statusCode, error?.message))
}
