// @tarojs/taro for jsdom tests: storage is a real in-memory store, lifecycle hooks run
// as effects, and every platform API is a jest.fn the test can inspect or program.
import { useEffect } from 'react'

const storage = new Map<string, unknown>()

export const __storage = storage
export const __router = { params: {} as Record<string, string>, path: '/pages/index/index' }

const resolved = <T>(value: T) => jest.fn(async () => value)

const Taro = {
  getEnv: () => 'WEB',
  ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB' },
  getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => { storage.set(key, value) }),
  removeStorageSync: jest.fn((key: string) => { storage.delete(key) }),
  getStorage: jest.fn(async ({ key }: { key: string }) => {
    if (!storage.has(key)) throw new Error('getStorage:fail data not found')
    return { data: storage.get(key) }
  }),
  setStorage: jest.fn(async ({ key, data }: { key: string; data: unknown }) => { storage.set(key, data) }),
  removeStorage: jest.fn(async ({ key }: { key: string }) => { storage.delete(key) }),
  request: jest.fn(async () => { throw new Error('Taro.request not programmed in this test') }),
  login: resolved({ code: 'test-code', errMsg: 'login:ok' }),
  requestPayment: resolved({ errMsg: 'requestPayment:ok' }),
  chooseAddress: jest.fn(async () => { throw new Error('chooseAddress:fail auth deny') }),
  showToast: resolved({}),
  showModal: resolved({ confirm: true, cancel: false }),
  showLoading: resolved({}),
  hideLoading: resolved({}),
  navigateTo: resolved({}),
  redirectTo: resolved({}),
  switchTab: resolved({}),
  navigateBack: resolved({}),
  reLaunch: resolved({}),
  stopPullDownRefresh: jest.fn(),
  getLaunchOptionsSync: jest.fn(() => ({ path: 'pages/index/index', query: {}, scene: 1001 })),
  getEnterOptionsSync: jest.fn(() => ({ path: 'pages/index/index', query: {}, scene: 1001 })),
  onAppHide: jest.fn(),
  onAppShow: jest.fn(),
  getCurrentInstance: () => ({ router: __router }),
  nextTick: (fn: () => void) => setTimeout(fn, 0)
}

const runOnce = (fn: () => void) => useEffect(() => { fn() }, []) // eslint-disable-line react-hooks/exhaustive-deps
export const useLoad = (fn: (params: Record<string, string>) => void) => runOnce(() => fn(__router.params))
export const useLaunch = runOnce
export const useReady = runOnce
export const useDidShow = runOnce
export const useDidHide = jest.fn()
export const useUnload = jest.fn()
export const usePullDownRefresh = jest.fn()
export const useReachBottom = jest.fn()
export const useShareAppMessage = jest.fn()
export const useShareTimeline = jest.fn()
export const useRouter = () => __router

export default Taro
