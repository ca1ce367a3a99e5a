// How the shopper entered: scene, path and query of this entry (cold or hot start).
// NOTE: Moments single-page mode is scene 1154 (or apiCategory 'browseOnly'): no login,
// no navigation, no tabBar. The H5 preview has no scenes, so it reads `scene` from
// the URL to let a browser show that mode (the sandbox's URL Link opens H5 with
// `scene=1194`).
// NOTE: a mini-program code (getwxacodeunlimit) puts its own string in `query.scene`,
// URI-encoded (`s%3DAb3k9Zq` for a share, `c%3DWB2405` for a campaign), and a link's
// `cq` carries extra query, URI-encoded, that WeChat merges into the page's query.
// Both are read here, so a page sees plain `sh`/`c`/`slug`/`id` whichever way it came.
import Taro from '@tarojs/taro'
import type { OpenChannel } from '@core/event-schema'
import { platform } from './env'

export type EnterOptions = {
  scene: number
  path: string
  query: Record<string, string>
  singlePage: boolean
}

export const SINGLE_PAGE_SCENE = 1154
/** Scanning a mini-program code: from the album (1047 is the camera scan, 1048 long-press, 1049 album). */
export const CODE_SCENES: readonly number[] = [1047, 1048, 1049]

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/** A code's scene string (`s=…` or `c=…`), decoded; undefined when `scene` is a scene number (H5) or absent. */
export function codeSceneOf(query: Record<string, string | undefined>): string | undefined {
  const raw = query.scene
  if (!raw || /^\d+$/.test(raw)) return undefined
  const scene = safeDecode(raw)
  return /^[0-9A-Za-z=]{1,32}$/.test(scene) ? scene : undefined
}

/** What a code's scene says by itself, before the server is asked: `s=` a share, `c=` a campaign. */
export function parseCodeScene(scene: string): { shareId?: string; campaignCode?: string } {
  const [key, value] = scene.split('=', 2)
  if (!value) return {}
  if (key === 's') return { shareId: value }
  if (key === 'c') return { campaignCode: value }
  return {}
}

/**
 * The entry query as a page sees it: `cq` decoded and merged (keys already in the
 * query win), and a code's scene read into `sh` / `c` when it names them plainly.
 */
export function normalizeQuery(input: Record<string, unknown>): Record<string, string> {
  const query: Record<string, string> = {}
  for (const [key, value] of Object.entries(input ?? {})) if (value !== undefined && value !== null) query[key] = String(value)
  if (query.cq) {
    new URLSearchParams(safeDecode(query.cq)).forEach((value, key) => {
      if (!(key in query)) query[key] = value
    })
  }
  const code = codeSceneOf(query)
  if (code) {
    const named = parseCodeScene(code)
    if (named.shareId && !query.sh) query.sh = named.shareId
    if (named.campaignCode && !query.c) query.c = named.campaignCode
  }
  return query
}

/** The channel of a share's open, by the entry scene: Moments, a scanned code, else a chat card. */
export function shareOpenChannel(scene: number): OpenChannel {
  if (scene === SINGLE_PAGE_SCENE) return 'timeline'
  if (CODE_SCENES.includes(scene)) return 'poster'
  return 'chat'
}

function h5Options(): EnterOptions {
  const hash = typeof location === 'undefined' ? '' : location.hash.replace(/^#/, '')
  const [path = '', search = ''] = hash.split('?')
  const raw: Record<string, string> = {}
  // The sandbox's URL Link opens `/?scene=1194#/pages/…` or `#/pages/…?scene=1194`: read both.
  if (typeof location !== 'undefined') new URLSearchParams(location.search).forEach((value, key) => (raw[key] = value))
  new URLSearchParams(search).forEach((value, key) => (raw[key] = value))
  const query = normalizeQuery(raw)
  // A scanned code (the sandbox's scan page) puts the launch scene in the address's own query
  // (`?scene=1047`) and the code's scene string in the page's (`#/…?scene=s%3D…`).
  const launchScene = typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('scene')
  const numeric = [query.scene, launchScene].find((v) => /^\d+$/.test(v ?? ''))
  const scene = numeric ? Number(numeric) : 1001
  return { scene, path: path.replace(/^\//, ''), query, singlePage: scene === SINGLE_PAGE_SCENE }
}

function weappOptions(): EnterOptions {
  const options = Taro.getEnterOptionsSync() as Taro.getLaunchOptionsSync.LaunchOptions & { apiCategory?: string }
  return {
    scene: options.scene,
    path: options.path,
    query: normalizeQuery(options.query ?? {}),
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
