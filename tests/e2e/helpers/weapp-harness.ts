// Runs the real weapp bundle (dist/) in Node: wx, App, Page, Component, getApp and
// getCurrentPages are stubbed; wx.request goes over real HTTP (to a test server); a
// page's setData applies Taro's data paths (`root.cn.[0].v`) to a plain object, so
// what the mini-program would draw can be read back as text.
//
// It also holds the bundle to WeChat's platform rules, as a phone would: an undeclared
// private-info API fails (requiredPrivateInfos), a request to a host outside the domain
// list fails, storage over 10 MB throws, an 11th page on the stack is refused, and a
// setData payload over 256 KB is flagged. The rules read from the files alone (package
// sizes, share flags, declared APIs) are in weapp-rules.ts. Every breach is in `violations`; suites end
// with `expect(weapp.violations).toEqual([])`.
import path from 'node:path'
import { LIMITS, PRIVATE_INFO_APIS, readAppJson } from './weapp-rules'

type Obj = Record<string, unknown>
type TaroNode = { v?: string; cn?: TaroNode[]; sid?: string; uid?: string; nn?: string; [k: string]: unknown }
export type PageInstance = Obj & {
  data: { root?: TaroNode }
  onLoad: (q: Record<string, string>) => void
  onShow: () => void
  onReady: () => void
  eh: (e: unknown) => void
  onShareAppMessage?: (o: unknown) => { title: string; path: string; imageUrl?: string }
  onShareTimeline?: () => { title: string; query: string }
}

function setPath(target: Obj, dotted: string, value: unknown) {
  const keys = dotted.split('.').map((k) => (/^\[\d+\]$/.test(k) ? Number(k.slice(1, -1)) : k))
  let at: Obj = target
  keys.slice(0, -1).forEach((key, i) => {
    const next = (at as Record<string | number, unknown>)[key]
    if (next === undefined || next === null) (at as Record<string | number, unknown>)[key] = typeof keys[i + 1] === 'number' ? [] : {}
    at = (at as Record<string | number, Obj>)[key]
  })
  ;(at as Record<string | number, unknown>)[keys[keys.length - 1]] = value
}

/** Every text of the rendered tree, in document order. */
export function textsOf(node: TaroNode | undefined, out: string[] = []): string[] {
  if (!node) return out
  if (typeof node.v === 'string' && node.v.trim() !== '') out.push(node.v)
  for (const child of node.cn ?? []) textsOf(child, out)
  return out
}

/** The nearest element (with an id) whose subtree has this exact text. */
export function findTappable(node: TaroNode | undefined, text: string): string | null {
  if (!node) return null
  for (const child of node.cn ?? []) {
    const found = findTappable(child, text)
    if (found) return found
  }
  const own = (node.cn ?? []).some((c) => c.v === text)
  return own ? ((node.sid ?? node.uid ?? null) as string | null) : null
}

export function loadWeapp(options: {
  distDir: string
  builtApiBase: string
  apiBase: string
  scene?: number
  /** wx.login: a code the backend can exchange (from the WeChat sandbox); a dummy otherwise. */
  loginCode?: () => Promise<string>
  /** The request/uploadFile/downloadFile domain list (hosts); default: the built API base's host only. */
  domains?: string[]
  /** What the phone's storage holds before launch (e.g. a persisted store). */
  storage?: Record<string, unknown>
}) {
  const violations: string[] = []
  /** Every setData payload's size, in order (the spike bench's first-screen figures). */
  const setDataSizes: Array<{ route: string; bytes: number }> = []
  const appJson = readAppJson(options.distDir)
  const declared = new Set(appJson.requiredPrivateInfos ?? [])
  const domains = new Set(options.domains ?? [new URL(options.builtApiBase).host])
  let stack: string[] = []
  const storageBytes = () => [...storage].reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(JSON.stringify(v) ?? ''), 0)
  type Callbacks = { success?: (r: unknown) => void; fail?: (e: unknown) => void; complete?: () => void }
  /** Fails a call as wx does: asynchronously, through fail and complete. */
  const refuse = (o: Callbacks | undefined, errMsg: string) => {
    setTimeout(() => {
      o?.fail?.({ errMsg })
      o?.complete?.()
    }, 0)
  }
  const outsideDomains = (api: string, url: string, o: Callbacks | undefined): boolean => {
    let host = ''
    try {
      host = new URL(url).host
    } catch {
      // not absolute: WeChat refuses it too
    }
    if (domains.has(host)) return false
    violations.push(`${api} to ${url}: ${host || 'no host'} is not in the domain list (${[...domains].join(', ')})`)
    refuse(o, `${api}:fail url not in domain list`)
    return true
  }
  const routeOf = (url: string) => url.replace(/^\//, '').split('?')[0]!
  const storage = new Map<string, unknown>(Object.entries(options.storage ?? {}))
  const toasts: string[] = []
  const requests: string[] = []
  const calls: string[] = []
  const hideHandlers: Array<() => void> = []
  const timers: Array<ReturnType<typeof setInterval>> = []
  const enter = { scene: options.scene ?? 1001, path: 'pages/index/index', query: {} as Record<string, string> }
  const pageConfigs: Obj[] = []
  let appConfig: Obj | null = null

  // NOTE: Taro wraps the wx APIs it finds on the object at start, so each API the app
  // uses must be an own property here (a Proxy's made-up methods are never seen).
  const okApi = (name: string) => (o?: { success?: (r: unknown) => void; complete?: () => void }) => {
    calls.push(name)
    setTimeout(() => {
      o?.success?.({ errMsg: `${name}:ok`, confirm: true, code: 'weapp-code' })
      o?.complete?.()
    }, 0)
  }
  const OK_APIS = ['stopPullDownRefresh', 'setNavigationBarTitle', 'navigateTo', 'redirectTo', 'switchTab', 'navigateBack', 'reLaunch', 'showModal', 'showLoading', 'hideLoading', 'login', 'requestPayment', 'chooseAddress', 'onAppShow', 'offAppHide', 'offAppShow', 'showShareMenu', 'pageScrollTo', 'startPullDownRefresh']
  const privateApi = (name: string, answer: Obj) => (o?: Callbacks) => {
    calls.push(name)
    if (!declared.has(name)) {
      violations.push(`${name} called, but app.json's requiredPrivateInfos does not declare it`)
      return refuse(o, `${name}:fail the api need to be declared in the requiredPrivateInfos field in app.json/ext.json`)
    }
    setTimeout(() => {
      o?.success?.({ errMsg: `${name}:ok`, ...answer })
      o?.complete?.()
    }, 0)
  }
  const navigation = (name: string, apply: (url: string, delta: number) => string | null) => (o?: Callbacks & { url?: string; delta?: number }) => {
    calls.push(name)
    const refused = apply(o?.url ?? '', o?.delta ?? 1)
    if (refused) return refuse(o, `${name}:fail ${refused}`)
    setTimeout(() => {
      o?.success?.({ errMsg: `${name}:ok` })
      o?.complete?.()
    }, 0)
  }
  const wxBase: Obj = {
    ...Object.fromEntries(OK_APIS.map((name) => [name, okApi(name)])),
    ...Object.fromEntries(PRIVATE_INFO_APIS.map((name) => [name, privateApi(name, {})])),
    chooseAddress: privateApi('chooseAddress', {
      userName: '林小满',
      telNumber: '13800001234',
      provinceName: '浙江省',
      cityName: '杭州市',
      countyName: '西湖区',
      detailInfo: '龙井路 1 号'
    }),
    navigateTo: navigation('navigateTo', (url) => {
      if (stack.length >= LIMITS.pageStack) {
        violations.push(`navigateTo ${url} with ${stack.length} pages open: WeChat keeps at most ${LIMITS.pageStack}`)
        return 'webview count limit exceed'
      }
      stack.push(routeOf(url))
      return null
    }),
    redirectTo: navigation('redirectTo', (url) => {
      stack = [...stack.slice(0, -1), routeOf(url)]
      return null
    }),
    navigateBack: navigation('navigateBack', (_url, delta) => {
      stack = stack.slice(0, Math.max(1, stack.length - delta))
      return null
    }),
    reLaunch: navigation('reLaunch', (url) => {
      stack = [routeOf(url)]
      return null
    }),
    switchTab: navigation('switchTab', (url) => {
      stack = [routeOf(url)]
      return null
    }),
    login: (o: { success: (r: unknown) => void; fail: (e: unknown) => void }) => {
      calls.push('login')
      ;(options.loginCode ?? (async () => 'weapp-code'))().then(
        (code) => o.success({ code, errMsg: 'login:ok' }),
        (e: Error) => o.fail({ errMsg: `login:fail ${e.message}` })
      )
    },
    getStorageSync: (k: string) => (storage.has(k) ? storage.get(k) : ''),
    setStorageSync: (k: string, v: unknown) => {
      const before = storage.get(k)
      storage.set(k, v)
      const value = Buffer.byteLength(JSON.stringify(v) ?? '')
      const total = storageBytes()
      if (value > LIMITS.storageKeyBytes || total > LIMITS.storageBytes) {
        if (before === undefined) storage.delete(k)
        else storage.set(k, before)
        violations.push(`setStorageSync ${k}: ${value} bytes (${total} in all), over WeChat's 1 MB a key / 10 MB in all`)
        throw new Error('setStorageSync:fail exceed storage max size 10MB')
      }
    },
    removeStorageSync: (k: string) => void storage.delete(k),
    getSystemInfoSync: () => ({ platform: 'devtools', windowWidth: 375, windowHeight: 667, screenWidth: 375, pixelRatio: 2, SDKVersion: '3.5.0', version: '8.0.50' }),
    getWindowInfo: () => ({ windowWidth: 375, windowHeight: 667, pixelRatio: 2 }),
    getEnterOptionsSync: () => enter,
    getLaunchOptionsSync: () => enter,
    onAppHide: (fn: () => void) => void hideHandlers.push(fn),
    showToast: (o: { title: string; success?: (r: unknown) => void }) => {
      toasts.push(o.title)
      o.success?.({ errMsg: 'showToast:ok' })
    },
    uploadFile: (o: Callbacks & { url: string }) => {
      calls.push('uploadFile')
      if (outsideDomains('uploadFile', o.url, o)) return { abort() {} }
      refuse(o, 'uploadFile:fail the weapp harness does not upload files')
      return { abort() {} }
    },
    downloadFile: (o: Callbacks & { url: string }) => {
      calls.push('downloadFile')
      if (outsideDomains('downloadFile', o.url, o)) return { abort() {} }
      refuse(o, 'downloadFile:fail the weapp harness does not download files')
      return { abort() {} }
    },
    request: (o: { url: string; method?: string; data?: unknown; header?: Record<string, string>; success: (r: unknown) => void; fail: (e: unknown) => void; complete?: () => void }) => {
      if (outsideDomains('request', o.url, o)) return { abort() {} }
      const url = o.url.startsWith(options.builtApiBase) ? options.apiBase + o.url.slice(options.builtApiBase.length) : o.url
      requests.push(`${o.method ?? 'GET'} ${url.slice(options.apiBase.length)}`)
      fetch(url, { method: o.method ?? 'GET', headers: o.header, body: typeof o.data === 'string' ? o.data : o.data === undefined ? undefined : JSON.stringify(o.data) })
        .then(async (res) => {
          const text = await res.text()
          let data: unknown = text
          try {
            data = JSON.parse(text)
          } catch {
            // not JSON: hand over the text, as wx does
          }
          o.success({ statusCode: res.status, data, header: Object.fromEntries(res.headers), errMsg: 'request:ok' })
        })
        .catch((e: Error) => o.fail({ errMsg: `request:fail ${e.message}` }))
        .finally(() => o.complete?.())
      return { abort() {} }
    }
  }
  // Any other wx API answers ok (navigation, titles, pull-down…), asynchronously like wx.
  const wx = new Proxy(wxBase as Record<string | symbol, unknown>, {
    get(target, name: string | symbol) {
      if (name in target || typeof name !== 'string' || !/^[a-z][A-Za-z]+$/.test(name) || name === 'webpackJsonp') return target[name]
      if (name.endsWith('Sync')) return () => ({})
      return (o?: { success?: (r: unknown) => void; complete?: () => void }) => {
        calls.push(name)
        setTimeout(() => {
          o?.success?.({ errMsg: `${name}:ok` })
          o?.complete?.()
        }, 0)
      }
    }
  })

  const g = globalThis as Obj
  const realSetInterval = setInterval
  Object.assign(g, {
    wx,
    App: (config: Obj) => void (appConfig = config),
    Page: (config: Obj) => void pageConfigs.push(config),
    Component: () => undefined,
    getApp: () => appConfig,
    getCurrentPages: () => stack.map((route) => ({ route })),
    setInterval: (fn: () => void, ms: number) => {
      const t = realSetInterval(fn, ms)
      t.unref?.()
      timers.push(t)
      return t
    }
  })

  const dist = path.resolve(options.distDir)
  require(path.join(dist, 'app.js'))
  if (!appConfig) throw new Error('dist/app.js did not call App(): is dist/ a weapp build?')
  const app = appConfig as Obj & { onLaunch: (o: unknown) => void; onShow: (o: unknown) => void }
  app.onLaunch(enter)
  app.onShow(enter)

  function openPage(route: string, query: Record<string, string> = {}): PageInstance {
    enter.path = route
    enter.query = query
    const before = pageConfigs.length
    require(path.join(dist, `${route}.js`))
    const config = pageConfigs[before]
    if (!config) throw new Error(`${route}.js did not call Page()`)
    const page = Object.assign(Object.create(null), config) as PageInstance
    page.data = JSON.parse(JSON.stringify(config.data ?? {}))
    // A test opening a page is a fresh entry (reLaunch), not one more level on the stack.
    stack = [route]
    Object.assign(page, {
      route,
      __route__: route,
      setData(patch: Obj, cb?: () => void) {
        const bytes = Buffer.byteLength(JSON.stringify(patch))
        setDataSizes.push({ route, bytes })
        if (bytes > LIMITS.setDataBytes) violations.push(`${route} setData of ${bytes} bytes, over WeChat's 256 KB`)
        for (const [k, v] of Object.entries(patch)) setPath(page.data as Obj, k, v)
        if (cb) setTimeout(cb, 0)
      }
    })
    page.onLoad(query)
    page.onShow()
    page.onReady()
    return page
  }

  return {
    openPage,
    violations,
    setDataSizes,
    /** The page stack as getCurrentPages() reports it. */
    pageStack: () => [...stack],
    storage,
    toasts,
    requests,
    calls,
    hide: () => hideHandlers.forEach((fn) => fn()),
    /** A hot start: the app comes back to the foreground through another entry. */
    showApp: (entry: { path: string; query: Record<string, string>; scene: number }) => {
      Object.assign(enter, entry)
      app.onShow(enter)
    },
    close: () => {
      timers.forEach((t) => clearInterval(t))
      g.setInterval = realSetInterval
    }
  }
}
