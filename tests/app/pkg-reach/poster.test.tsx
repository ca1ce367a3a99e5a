// 分享海报 on weapp: the share is issued by the server, the Canvas 2D node is found with
// SelectorQuery, the cover, the sharer's avatar and the share's code (fetched with the
// shopper's token) are drawn with the title, price and name, exported with
// canvasToTempFilePath; saving follows the album authorization flow.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { __reset, __router, __storage } from '../../setup/taro'
import PosterPage from '../../../src/app/pkg-reach/poster/index'
import { fakeBackend } from '../helpers/fake-backend'
import { tee } from '../helpers/fixtures'
import { wechatAnswers } from '../helpers/reach-components'

jest.mock('@tarojs/components', () => jest.requireActual('../helpers/reach-components').components)

type Call = [string, ...unknown[]]
const originalEnv = process.env.TARO_ENV
const t = Taro as unknown as Record<string, jest.Mock>
let drawn: Call[]
let node: { width: number; height: number }

function fakeCanvasNode() {
  drawn = []
  const ctx = new Proxy(
    {},
    {
      get: (_target, prop: string) => (...args: unknown[]) => void drawn.push([prop, ...args]),
      set: (_target, prop: string, value: unknown) => {
        drawn.push([`set ${prop}`, value])
        return true
      }
    }
  )
  node = {
    width: 300,
    height: 150,
    getContext: () => ctx,
    createImage: () => {
      const image = { width: 430, height: 430, onload: null as null | (() => void), onerror: null, set src(v: string) { (image as { path?: string }).path = v; setTimeout(() => image.onload?.(), 0) } }
      return image
    }
  } as unknown as { width: number; height: number }
  t.createSelectorQuery = jest.fn(() => ({
    select: () => ({ fields: () => ({ exec: (cb: (r: unknown[]) => void) => setTimeout(() => cb([{ node, width: 300, height: 150 }]), 0) }) })
  }))
  t.downloadFile = jest.fn(async ({ url }: { url: string }) => ({ statusCode: 200, tempFilePath: `wxfile://tmp/${url.split('/').pop()}` }))
  t.canvasToTempFilePath = jest.fn(async () => ({ tempFilePath: 'wxfile://tmp/poster.png' }))
  t.getWindowInfo = jest.fn(() => ({ pixelRatio: 3 }))
  t.getSetting = jest.fn(async () => ({ authSetting: {} }))
  t.authorize = jest.fn(async () => ({ errMsg: 'authorize:ok' }))
  t.saveImageToPhotosAlbum = jest.fn(async () => ({ errMsg: 'saveImageToPhotosAlbum:ok' }))
}

function loggedInWithProfile() {
  __storage.set('auth:token', JSON.stringify({ token: 'tok-1', userId: 'u1' }))
  __storage.set('me:profile', JSON.stringify({ name: '小林', avatarUrl: '/media/me.png', userId: 'u1' }))
}

beforeEach(() => {
  __reset()
  process.env.TARO_ENV = 'weapp'
  fakeCanvasNode()
  wechatAnswers.authSetting = { 'scope.writePhotosAlbum': true }
})
afterEach(() => {
  process.env.TARO_ENV = originalEnv
})

test('a product poster: server share, code with the token, title, price, sharer; saved after WeChat asks once', async () => {
  loggedInWithProfile()
  const backend = fakeBackend()
    .withLogin()
    .on('GET', '/api/v1/products/p-tee', { body: { product: tee } })
    .on('POST', '/api/v1/shares', { status: 201, body: { share: { id: 'Post0001', scene: 's=Post0001' } } })
  __router.params = { id: 'p-tee' }
  render(<PosterPage />)
  const image = await screen.findByLabelText('分享海报')
  expect(image).toHaveAttribute('src', 'wxfile://tmp/poster.png')
  expect(backend.callsTo('POST', '/api/v1/shares')[0].body).toEqual({ productId: 'p-tee', channel: 'poster' })

  // The code is the owner's: downloaded with the token; cover and avatar from the media host.
  const downloads = t.downloadFile.mock.calls.map(([o]) => o as { url: string; header?: Record<string, string> })
  expect(downloads).toEqual(
    expect.arrayContaining([
      { url: 'http://api.test/media/tee-1.jpg' },
      { url: 'http://api.test/media/me.png' },
      { url: 'http://api.test/api/v1/shares/Post0001/code.png', header: { Authorization: 'Bearer tok-1' } }
    ])
  )
  // Canvas within the 1365 px limit at pixel ratio 3, scaled once.
  const [, scale] = drawn.find((c) => c[0] === 'scale') as [string, number, number]
  expect(scale).toBeGreaterThan(2)
  expect(scale).toBeLessThanOrEqual(3)
  expect(node.width).toBe(Math.round(300 * scale))
  expect(Math.max(node.width, node.height)).toBeLessThanOrEqual(1365)
  const texts = drawn.filter((c) => c[0] === 'fillText').map((c) => c[1])
  expect(texts).toEqual(expect.arrayContaining(['亚麻短袖衫', '¥199 起', '小林', '推荐给你，扫码查看', '长按识别小程序码']))
  // Three images drawn: cover (cropped), avatar (clipped round), code.
  expect(drawn.filter((c) => c[0] === 'drawImage')).toHaveLength(3)
  expect(drawn.some((c) => c[0] === 'clip')).toBe(true)
  expect(t.canvasToTempFilePath).toHaveBeenCalledWith({ canvas: node, fileType: 'png' })

  fireEvent.click(screen.getByRole('button', { name: '保存到相册' }))
  await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存到相册' })))
  expect(t.authorize).toHaveBeenCalledWith({ scope: 'scope.writePhotosAlbum' })
  expect(t.saveImageToPhotosAlbum).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/poster.png' })
})

test('refused before: the image is shown for long-press and the settings button (openSetting) saves once allowed', async () => {
  fakeBackend()
    .withLogin()
    .on('GET', '/api/v1/pages/summer-linen', { body: { page: { slug: 'summer-linen', title: '夏日亚麻', cover: '/media/hero.jpg', share: { title: '这个夏天穿亚麻', imageUrl: null }, blocks: [] }, products: {} } })
    .on('POST', '/api/v1/shares', { status: 201, body: { share: { id: 'Post0002', scene: 's=Post0002' } } })
  t.getSetting.mockResolvedValue({ authSetting: { 'scope.writePhotosAlbum': false } })
  __router.params = { slug: 'summer-linen' }
  render(<PosterPage />)
  await screen.findByLabelText('分享海报')
  const texts = drawn.filter((c) => c[0] === 'fillText').map((c) => c[1])
  expect(texts).toEqual(expect.arrayContaining(['这个夏天穿亚麻', '扫码查看详情']))
  // No profile on this phone: no avatar circle, no name.
  expect(drawn.some((c) => c[0] === 'clip')).toBe(false)

  fireEvent.click(screen.getByRole('button', { name: '保存到相册' }))
  expect(await screen.findByText(/没有相册权限：长按上方海报即可保存/)).toBeInTheDocument()
  expect(t.authorize).not.toHaveBeenCalled()
  expect(t.saveImageToPhotosAlbum).not.toHaveBeenCalled()
  const settings = screen.getByRole('button', { name: '去设置开启相册权限' })
  expect(settings).toHaveAttribute('data-open-type', 'openSetting')
  // The shopper turns the album on in the settings page.
  t.getSetting.mockResolvedValue({ authSetting: { 'scope.writePhotosAlbum': true } })
  fireEvent.click(settings)
  await waitFor(() => expect(t.saveImageToPhotosAlbum).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/poster.png' }))
})

test('authorize refused now: the long-press hint, no save', async () => {
  fakeBackend()
    .withLogin()
    .on('GET', '/api/v1/products/p-tee', { body: { product: tee } })
    .on('POST', '/api/v1/shares', { status: 201, body: { share: { id: 'Post0003', scene: 's=Post0003' } } })
  t.authorize.mockRejectedValue({ errMsg: 'authorize:fail auth deny' })
  __router.params = { id: 'p-tee' }
  render(<PosterPage />)
  fireEvent.click(await screen.findByRole('button', { name: '保存到相册' }))
  expect(await screen.findByRole('button', { name: '去设置开启相册权限' })).toBeInTheDocument()
  expect(t.saveImageToPhotosAlbum).not.toHaveBeenCalled()
})

test('offline: no server share means no code; the poster says so and offers a retry', async () => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined)
  let online = false
  fakeBackend()
    .withLogin()
    .on('GET', '/api/v1/products/p-tee', { body: { product: tee } })
    .on('POST', '/api/v1/shares', () => (online ? { status: 201, body: { share: { id: 'Post0004', scene: 's=Post0004' } } } : new Error('request:fail')))
  __router.params = { id: 'p-tee' }
  render(<PosterPage />)
  expect(await screen.findByText('网络不太顺畅，海报的小程序码暂时生成不了，请稍后重试')).toBeInTheDocument()
  online = true
  fireEvent.click(screen.getByRole('button', { name: '重新加载' }))
  expect(await screen.findByLabelText('分享海报')).toBeInTheDocument()
})
