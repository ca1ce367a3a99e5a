// POST /wxa/getwxacodeunlimit: a mini-program code as a PNG. WeChat draws its round 小程序码, which
// only WeChat can read; the sandbox draws a plain QR code whose text says what WeChat would open
// (`<sandbox>/wxacode/scan?appid=…&page=…&scene=…&env_version=…`), so tests and people can decode it.
import type { Deps } from './deps'
import { html, route, type Route } from './http'
import { RawAnswer, type WxResult } from './mp-api'
import { wxError } from './mp-errors'
import { qrPng, type Rgba } from './png'
import { envVersionOf, pageProblem, SCENE_CHARS } from './reach-rules'

export const CODE_WIDTH = { min: 280, max: 1280, default: 430 } as const
/** The launch scene of a scanned mini-program code (1048 long-press, 1049 from the album). */
export const CODE_SCENE = 1047
const HOME_PAGE = 'pages/index/index'

function color(value: unknown): Rgba | null {
  if (typeof value !== 'object' || value === null) return null
  const c = value as Record<string, unknown>
  const ok = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 255
  return ok(c.r) && ok(c.g) && ok(c.b) ? [c.r, c.g, c.b, 255] : null
}

/** The text a sandbox code holds (what a scan would open). */
export function codeText(d: Deps, page: string, scene: string, envVersion: string): string {
  const q = new URLSearchParams({ appid: d.o.appid, page, scene, env_version: envVersion })
  return `${d.baseUrl()}/wxacode/scan?${q.toString()}`
}

export function getUnlimitedCode(d: Deps, body: Record<string, unknown>): WxResult | RawAnswer {
  const scene = body.scene
  if (typeof scene !== 'string' || !SCENE_CHARS.test(scene)) {
    return wxError(40169, 'scene must be 1-32 characters of [0-9A-Za-z] and !#$&\'()*+,/:;=?@-._~')
  }
  const checkPath = body.check_path ?? true
  if (typeof checkPath !== 'boolean') return wxError(40097, 'check_path must be a boolean')
  // check_path false lets an unpublished page through: the format still has to be right.
  const badPage = pageProblem(checkPath ? d.o.pages : undefined, body.page)
  if (badPage) return wxError(41030, badPage)
  const env = envVersionOf(body.env_version)
  if (typeof env !== 'string') return env
  const width = body.width ?? CODE_WIDTH.default
  if (typeof width !== 'number' || !Number.isFinite(width)) return wxError(40097, 'width must be a number')
  // Like WeChat, a width out of bounds is drawn at the nearest bound.
  const px = Math.round(Math.min(CODE_WIDTH.max, Math.max(CODE_WIDTH.min, width)))
  const dark: Rgba = body.auto_color === true ? [0, 0, 0, 255] : (color(body.line_color) ?? [0, 0, 0, 255])
  // A transparent background keeps white RGB, so a reader that ignores alpha still sees light modules.
  const light: Rgba = body.is_hyaline === true ? [255, 255, 255, 0] : [255, 255, 255, 255]
  const page = (body.page as string | undefined) || d.o.pages?.[0] || HOME_PAGE
  const png = qrPng(codeText(d, page, scene, env), px, dark, light)
  return new RawAnswer({ status: 200, binary: png, headers: { 'Content-Type': 'image/png', 'Cache-Control': 'no-store' } })
}

/**
 * The H5 shop's page a scan opens, as WeChat would launch the mini-program: the launch scene
 * (1047) in the address's own query, the code's scene URI-encoded in the page's query
 * (Taro's hash router: `<h5>?scene=1047#/<page>?scene=s%3D…`).
 */
export function scannedH5Url(h5Url: string, page: string, scene: string): string {
  const base = h5Url.split('#')[0]!.split('?')[0]!
  return `${base}?scene=${CODE_SCENE}#/${page}?scene=${encodeURIComponent(scene)}`
}

/**
 * GET /wxacode/scan: what a scan of a sandbox code means. With the shop's H5 address known
 * (option h5Url), a browser is sent there as a scanning phone would open the mini-program;
 * otherwise a page says what WeChat would open.
 */
export function codeScanRoutes(d: Deps): Route[] {
  return [
    route('GET', '/wxacode/scan', (ctx) => {
      const p = ctx.url.searchParams
      const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)
      const page = p.get('page') ?? HOME_PAGE
      const scene = p.get('scene') ?? ''
      if (d.o.h5Url) return { status: 302, headers: { Location: scannedH5Url(d.o.h5Url, page, scene), 'Cache-Control': 'no-store' } }
      return html(200, `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>小程序码</title></head>
<body style="font-family:system-ui,sans-serif;padding:32px 20px;color:#2b2622"><h1 style="font-size:20px">沙箱小程序码</h1>
<p>微信扫码会打开小程序 ${esc(p.get('appid') ?? d.o.appid)} 的页面 <code>${esc(page)}</code>，
启动场景 ${CODE_SCENE}（长按识别 1048，相册选取 1049），页面参数 <code>scene=${esc(encodeURIComponent(scene))}</code>（页面须 decodeURIComponent）。</p></body></html>`)
    })
  ]
}
