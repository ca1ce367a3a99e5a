// WeChat's platform rules, checked on a built mini-program (dist/). What the review or the
// phone would refuse fails a test here instead: each check answers the rules it breaks,
// in words a reader can act on. The weapp harness (weapp-harness.ts) enforces the runtime
// rules (setData size, page stack, storage, network domains, undeclared private APIs).
import fs from 'node:fs'
import path from 'node:path'

/** APIs WeChat refuses unless app.json's requiredPrivateInfos names them. */
export const PRIVATE_INFO_APIS = [
  'getFuzzyLocation',
  'getLocation',
  'onLocationChange',
  'startLocationUpdate',
  'startLocationUpdateBackground',
  'chooseLocation',
  'choosePoi',
  'chooseAddress'
] as const

export const LIMITS = {
  /** WeChat's audit rule for one setData call (JSON.stringify length). */
  setDataBytes: 256 * 1024,
  pageStack: 10,
  storageBytes: 10 * 1024 * 1024,
  storageKeyBytes: 1024 * 1024,
  packageBytes: 2 * 1024 * 1024,
  totalBytes: 20 * 1024 * 1024
}

type AppJson = {
  pages: string[]
  subPackages?: { root: string; pages: string[] }[]
  subpackages?: { root: string; pages: string[] }[]
  requiredPrivateInfos?: string[]
}

export function readAppJson(distDir: string): AppJson {
  return JSON.parse(fs.readFileSync(path.join(distDir, 'app.json'), 'utf8')) as AppJson
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]))
}

/** Bytes of the main package and each subpackage, as WeChat counts them (everything uploaded under dist/). */
export function packageSizes(distDir: string): { main: number; subPackages: Record<string, number>; total: number } {
  const app = readAppJson(distDir)
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/+$/, ''))
  const sizes = { main: 0, subPackages: Object.fromEntries(roots.map((r) => [r, 0])) as Record<string, number>, total: 0 }
  for (const file of walk(distDir)) {
    const rel = path.relative(distDir, file).split(path.sep).join('/')
    if (rel === 'project.config.json' || rel === 'project.private.config.json') continue
    const bytes = fs.statSync(file).size
    sizes.total += bytes
    const root = roots.find((r) => rel.startsWith(`${r}/`))
    if (root) sizes.subPackages[root]! += bytes
    else sizes.main += bytes
  }
  return sizes
}

/** Private-info APIs the bundle calls (`x.chooseAddress(`, `wx.getLocation(`, `["getLocation"](`), by file. */
export function privateApisCalled(distDir: string): Map<string, string[]> {
  const found = new Map<string, string[]>()
  for (const file of walk(distDir).filter((f) => f.endsWith('.js'))) {
    const text = fs.readFileSync(file, 'utf8')
    for (const api of PRIVATE_INFO_APIS) {
      if (new RegExp(`\\.${api}\\s*\\(|\\[["']${api}["']\\]\\s*\\(`).test(text)) {
        found.set(api, [...(found.get(api) ?? []), path.relative(distDir, file)])
      }
    }
  }
  return found
}

/** Page routes (e.g. pages/content/index) of the app, subpackages included. */
export function pageRoutes(distDir: string): string[] {
  const app = readAppJson(distDir)
  return [...app.pages, ...(app.subPackages ?? app.subpackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/+$/, '')}/${p}`))]
}

/** Every rule the build breaks; [] when it may be uploaded. */
export function staticViolations(distDir: string): string[] {
  const problems: string[] = []
  const app = readAppJson(distDir)
  const declared = new Set(app.requiredPrivateInfos ?? [])
  for (const [api, files] of privateApisCalled(distDir)) {
    if (!declared.has(api)) problems.push(`${api} is called (${files.join(', ')}) but app.json's requiredPrivateInfos does not declare it: WeChat refuses the call`)
  }
  const sizes = packageSizes(distDir)
  if (sizes.main > LIMITS.packageBytes) problems.push(`the main package is ${sizes.main} bytes, over WeChat's 2 MB`)
  for (const [root, bytes] of Object.entries(sizes.subPackages)) {
    if (bytes > LIMITS.packageBytes) problems.push(`subpackage ${root} is ${bytes} bytes, over WeChat's 2 MB`)
  }
  if (sizes.total > LIMITS.totalBytes) problems.push(`all packages together are ${sizes.total} bytes, over 20 MB`)
  for (const route of pageRoutes(distDir)) {
    const js = path.join(distDir, `${route}.js`)
    const json = path.join(distDir, `${route}.json`)
    if (!fs.existsSync(js)) continue
    const config = fs.existsSync(json) ? (JSON.parse(fs.readFileSync(json, 'utf8')) as Record<string, unknown>) : {}
    const code = fs.readFileSync(js, 'utf8')
    // NOTE: Taro attaches onShareTimeline only when the page config enables it (Taro keeps the flag in the
    // page's JS, `enableShareTimeline:!0`); a page using the hook without the flag never offers 分享到朋友圈.
    const enabled = config.enableShareTimeline === true || /\benableShareTimeline\s*:\s*(!0|true)\b/.test(code)
    if (/\buseShareTimeline\b|\bonShareTimeline\b/.test(code) && !enabled) {
      problems.push(`${route} handles onShareTimeline but its page config lacks enableShareTimeline: true`)
    }
  }
  return problems
}
