// @tarojs/taro for jsdom tests: storage is a real in-memory store, lifecycle hooks run
// as effects (and can be fired again: __fire('didShow')), and every platform API is a
// jest.fn the test can inspect or program.
import { useEffect, useRef } from 'react'

// Build-time constants of config/index.ts (defineConstants).
Object.assign(globalThis, { API_BASE: 'http://api.test', SANDBOX_BASE: 'http://sandbox.test' })

// The device's storage outlives the app: an isolated module registry (a "restart")
// sees the same entries.
const g = globalThis as { __taroStorage?: Map<string, unknown> }
const storage = (g.__taroStorage ??= new Map<string, unknown>())

export const __storage = storage
export const __router = { params: {} as Record<string, string>, path: '/pages/index/index' }

type Hook = 'didShow' | 'didHide' | 'pullDownRefresh' | 'reachBottom' | 'appHide'
const handlers: Record<Hook, Set<() => unknown>> = {
  didShow: new Set(),
  didHide: new Set(),
  pullDownRefresh: new Set(),
  reachBottom: new Set(),
  appHide: new Set()
}
let shareAppMessage: (() => unknown) | null = null
let shareTimeline: (() => unknown) | null = null

/** Fires a lifecycle event on every mounted page that listens (e.g. a return to the page). */
export async function __fire(hook: Hook): Promise<void> {
  await Promise.all([...handlers[hook]].map((fn) => fn()))
}
export const __share = { appMessage: () => shareAppMessage?.(), timeline: () => shareTimeline?.() }

/** Clears listeners, storage and recorded calls between tests (mounted components re-register). */
export function __reset(): void {
  jest.clearAllMocks()
  storage.clear()
  for (const set of Object.values(handlers)) set.clear()
  shareAppMessage = null
  shareTimeline = null
  __router.params = {}
}

const resolved = <T>(value: T) => jest.fn(async (..._args: unknown[]) => value)

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
  request: jest.fn(async (_opts: unknown): Promise<{ statusCode: number; data: unknown; header?: Record<string, string> }> => {
    throw new Error('Taro.request not programmed in this test')
  }),
  login: resolved({ code: 'test-code', errMsg: 'login:ok' }),
  requestPayment: resolved({ errMsg: 'requestPayment:ok' }),
  chooseAddress: jest.fn(async (): Promise<Record<string, string>> => { throw { errMsg: 'chooseAddress:fail auth deny' } }),
  showToast: resolved({}),
  showModal: resolved({ confirm: true, cancel: false }),
  showLoading: resolved({}),
  hideLoading: resolved({}),
  navigateTo: resolved({}),
  redirectTo: resolved({}),
  switchTab: resolved({}),
  navigateBack: resolved({}),
  reLaunch: resolved({}),
  setNavigationBarTitle: resolved({}),
  stopPullDownRefresh: jest.fn(),
  getLaunchOptionsSync: jest.fn(() => ({ path: 'pages/index/index', query: {}, scene: 1001 })),
  getEnterOptionsSync: jest.fn((): { path: string; query: Record<string, string>; scene: number; apiCategory?: string } => ({ path: 'pages/index/index', query: {}, scene: 1001 })),
  onAppHide: jest.fn((fn: () => unknown) => { handlers.appHide.add(fn) }),
  onAppShow: jest.fn(),
  getCurrentInstance: () => ({ router: __router }),
  nextTick: (fn: () => void) => setTimeout(fn, 0)
}

const useRunOnce = (fn: () => void) => useEffect(() => { fn() }, []) // eslint-disable-line react-hooks/exhaustive-deps

/** Registers the latest callback for a hook while the component is mounted. */
function useListen(hook: Hook, fn: () => unknown, runNow = false) {
  const ref = useRef(fn)
  ref.current = fn
  useEffect(() => {
    const call = () => ref.current()
    handlers[hook].add(call)
    if (runNow) call()
    return () => { handlers[hook].delete(call) }
  }, []) // eslint-disable-line react-hooks/exhaustive-deps
}

export const useLoad = (fn: (params: Record<string, string>) => void) => useRunOnce(() => fn(__router.params))
export const useLaunch = useRunOnce
export const useReady = useRunOnce
export const useDidShow = (fn: () => unknown) => useListen('didShow', fn, true)
export const useDidHide = (fn: () => unknown) => useListen('didHide', fn)
export const useUnload = jest.fn()
export const usePullDownRefresh = (fn: () => unknown) => useListen('pullDownRefresh', fn)
export const useReachBottom = (fn: () => unknown) => useListen('reachBottom', fn)
export const useShareAppMessage = (fn: () => unknown) => { shareAppMessage = fn }
export const useShareTimeline = (fn: () => unknown) => { shareTimeline = fn }
export const useRouter = () => __router

export default Taro
