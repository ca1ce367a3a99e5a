// Saving an image to the phone's album (weapp) with WeChat's authorization flow:
// never asked → authorize (WeChat asks once); refused before → the shopper must open
// the settings page with a tap (<Button openType="openSetting">); the page then shows
// the image for long-press meanwhile. H5 downloads the file instead.
import Taro from '@tarojs/taro'

export const ALBUM_SCOPE = 'scope.writePhotosAlbum'

export type SaveResult = 'saved' | 'refused' | 'cancelled'

function errMsg(e: unknown): string {
  return String((e as { errMsg?: string })?.errMsg ?? (e as Error)?.message ?? e)
}

export async function saveToAlbum(filePath: string): Promise<SaveResult> {
  const setting = await Taro.getSetting()
  const granted = (setting.authSetting as Record<string, boolean | undefined>)[ALBUM_SCOPE]
  if (granted === false) return 'refused'
  if (granted === undefined) {
    try {
      await Taro.authorize({ scope: ALBUM_SCOPE as keyof Taro.AuthSetting })
    } catch (e) {
      console.warn('album: authorize refused', errMsg(e))
      return 'refused'
    }
  }
  try {
    await Taro.saveImageToPhotosAlbum({ filePath })
    return 'saved'
  } catch (e) {
    const msg = errMsg(e)
    if (/cancel/i.test(msg)) return 'cancelled'
    if (/auth|deny|denied/i.test(msg)) return 'refused'
    throw e
  }
}

/** The answer of <Button openType="openSetting">: did the shopper turn the album on? */
export function albumAllowed(detail: { authSetting?: Record<string, boolean | undefined> } | undefined): boolean {
  return detail?.authSetting?.[ALBUM_SCOPE] === true
}

/** H5: the poster PNG as a download. */
export function downloadDataUrl(dataUrl: string, fileName: string): void {
  const a = document.createElement('a')
  a.href = dataUrl
  a.download = fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
}
