// How the shopper entered: scene, path and query of this entry (cold or hot start).
// NOTE: Moments single-page mode is scene 1154 (or apiCategory 'browseOnly'): no login,
// no navigation, no tabBar. The H5 preview has no scenes, so it reads `scene` from
// the URL to let a browser show that mode.
import Taro from '@tarojs/taro'
import { platform } from './env'

export type EnterOptions = {
  scene: number
  path: string
  query: Record<string, string>
  singlePage: boolean
}

export const SINGLE_PAGE_SCENE = 1154

function h5Options(): EnterOptions {
  const hash = typeof location === 'undefined' ? '' : location.hash.replace(/^#/, '')
  const [path = '', search = ''] = hash.split('?')
  const query: Record<string, string> = {}
  new URLSearchParams(search).forEach((value, key) => {
    query[key] = value
  })
  const scene = Number(query.scene) || 1001
  return { scene, path: path.replace(/^\//, ''), query, singlePage: scene === SINGLE_PAGE_SCENE }
}

function weappOptions(): EnterOptions {
  const options = Taro.getEnterOptionsSync() as Taro.getLaunchOptionsSync.LaunchOptions & { apiCategory?: string }
  const query: Record<string, string> = {}
  for (const [key, value] of Object.entries(options.query ?? {})) query[key] = String(value)
  return {
    scene: options.scene,
    path: options.path,
    query,
    singlePage: options.scene === SINGLE_PAGE_SCENE || options.apiCategory === 'browseOnly'
  }
}

export function enterOptions(): EnterOptions {
  return platform() === 'weapp' ? weappOptions() : h5Options()
}

let singlePage: boolean | null = null

/** Read once per run: the mode never changes inside one run of the page. */
export function isSinglePageMode(): boolean {
  singlePage ??= enterOptions().singlePage
  return singlePage
}

/** For tests: forget what was read. */
export function resetLaunchCache(): void {
  singlePage = null
}
