// Local storage through Taro (wx storage on weapp, localStorage on H5). Values are
// stored as JSON strings so both platforms round-trip them the same way.
import Taro from '@tarojs/taro'
import type { StateStorage } from 'zustand/middleware'

export function readJson<T>(key: string): T | undefined {
  const raw: unknown = Taro.getStorageSync(key)
  if (raw === '' || raw === undefined || raw === null) return undefined
  if (typeof raw !== 'string') return raw as T
  try {
    return JSON.parse(raw) as T
  } catch (e) {
    // A corrupt entry must not brick the app: report it and start that key afresh.
    console.error(`storage: "${key}" is not JSON, dropping it`, e)
    Taro.removeStorageSync(key)
    return undefined
  }
}

export function writeJson(key: string, value: unknown): void {
  Taro.setStorageSync(key, JSON.stringify(value))
}

export function removeKey(key: string): void {
  Taro.removeStorageSync(key)
}

/** zustand persist's storage over Taro's synchronous storage API. */
export const taroStateStorage: StateStorage = {
  getItem: (name) => {
    const raw: unknown = Taro.getStorageSync(name)
    return typeof raw === 'string' && raw !== '' ? raw : null
  },
  setItem: (name, value) => Taro.setStorageSync(name, value),
  removeItem: (name) => Taro.removeStorageSync(name)
}
