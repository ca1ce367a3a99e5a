// Platform APIs the shared Taro mock (tests/setup/taro.ts) does not carry yet, added
// to the same default export as jest.fn()s: clipboard, subscription dialog, photo
// pickers and uploads, page scrolling. Tests program them like the others.
import Taro from '@tarojs/taro'

type Extras = Record<'setClipboardData' | 'requestSubscribeMessage' | 'chooseMedia' | 'chooseImage' | 'uploadFile' | 'pageScrollTo', jest.Mock>

export function installTaroExtras(): void {
  const t = Taro as unknown as Partial<Extras>
  t.setClipboardData ??= jest.fn(async () => ({ errMsg: 'setClipboardData:ok' }))
  t.requestSubscribeMessage ??= jest.fn(async () => ({ errMsg: 'requestSubscribeMessage:ok' }))
  t.chooseMedia ??= jest.fn(async () => {
    throw { errMsg: 'chooseMedia:fail cancel' }
  })
  t.chooseImage ??= jest.fn(async () => {
    throw { errMsg: 'chooseImage:fail cancel' }
  })
  t.pageScrollTo ??= jest.fn(async () => ({ errMsg: 'pageScrollTo:ok' }))
  t.uploadFile ??= jest.fn(async () => {
    throw new Error('Taro.uploadFile not programmed in this test')
  })
}

export const taroExtras = (): Extras => {
  installTaroExtras()
  return Taro as unknown as Extras
}
