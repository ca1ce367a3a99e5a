// POST /wxa/getwxacodeunlimit: a real PNG of a QR code that decodes (jsqr + pngjs) to the page and
// scene a scan would open; JSON errors like WeChat's.
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { startMp, type MpHarness } from './helpers/mp'

const PAGES = ['pages/index/index', 'pages/content/index', 'pages/product/index']

let h: MpHarness
beforeAll(async () => {
  h = await startMp({ pages: PAGES })
})
afterAll(() => h.close())

async function code(body: unknown): Promise<Response> {
  return fetch(`${h.url}/wxa/getwxacodeunlimit?access_token=${encodeURIComponent(await h.token())}`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body)
  })
}

function read(png: Buffer): { width: number; height: number; text: string } {
  const img = PNG.sync.read(png)
  const found = jsQR(new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.length), img.width, img.height)
  if (!found) throw new Error('no QR code in the PNG')
  return { width: img.width, height: img.height, text: found.data }
}

const png = async (res: Response) => Buffer.from(await res.arrayBuffer())

describe('POST /wxa/getwxacodeunlimit', () => {
  it('answers image/png whose code holds the scene and the page', async () => {
    const res = await code({ scene: 's=Ab3k9Zq', page: 'pages/content/index', width: 430 })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/png')
    const r = read(await png(res))
    expect([r.width, r.height]).toEqual([430, 430])
    const url = new URL(r.text)
    expect(`${url.origin}${url.pathname}`).toBe(`${h.url}/wxacode/scan`)
    expect(Object.fromEntries(url.searchParams)).toEqual({ appid: h.keys.appid, page: 'pages/content/index', scene: 's=Ab3k9Zq', env_version: 'release' })
    expect(h.sandbox.mp.calls('getwxacodeunlimit').at(-1)).toEqual(expect.objectContaining({ errcode: 0, body: { scene: 's=Ab3k9Zq', page: 'pages/content/index', width: 430 } }))
  })

  it('takes the full 32-character scene alphabet, defaults to the home page and 430 px', async () => {
    const scene = "c=AZaz09!#$&'()*+,/:;=?@-._~xyzw"
    expect(scene).toHaveLength(32)
    const r = read(await png(await code({ scene })))
    expect(r.width).toBe(430)
    const url = new URL(r.text)
    expect(url.searchParams.get('scene')).toBe(scene)
    expect(url.searchParams.get('page')).toBe('pages/index/index')
  })

  it('draws within 280–1280 px: smaller and larger widths take the nearest bound', async () => {
    expect(read(await png(await code({ scene: 'c=a', width: 100 }))).width).toBe(280)
    // Large images are only measured (their IHDR), decoding 1280 px takes long on a busy machine.
    const ihdr = (b: Buffer) => [b.readUInt32BE(16), b.readUInt32BE(20)]
    expect(ihdr(await png(await code({ scene: 'c=a', width: 1280 })))).toEqual([1280, 1280])
    expect(ihdr(await png(await code({ scene: 'c=a', width: 5000 })))).toEqual([1280, 1280])
  }, 60_000)

  it('a transparent code (is_hyaline) and a line colour still decode', async () => {
    const r = read(await png(await code({ scene: 'p=1', page: 'pages/product/index', is_hyaline: true, line_color: { r: 40, g: 30, b: 20 }, width: 280 })))
    expect(new URL(r.text).searchParams.get('page')).toBe('pages/product/index')
  })

  it('check_path false lets an unpublished page through', async () => {
    const res = await code({ scene: 'c=a', page: 'pages/draft/index', check_path: false })
    expect(res.headers.get('content-type')).toBe('image/png')
  })

  it.each([
    ['no scene', 40169, { page: 'pages/index/index' }],
    ['a 33-character scene', 40169, { scene: 'a'.repeat(33) }],
    ['a scene with %', 40169, { scene: 'c=%E6%98%A5' }],
    ['a scene with Chinese', 40169, { scene: 'c=春' }],
    ['a page with a leading /', 41030, { scene: 'c=a', page: '/pages/index/index' }],
    ['a page with a query', 41030, { scene: 'c=a', page: 'pages/index/index?x=1' }],
    ['a page that is not published', 41030, { scene: 'c=a', page: 'pages/draft/index' }],
    ['a width that is not a number', 40097, { scene: 'c=a', width: 'big' }]
  ])('answers JSON for %s: %i', async (_name, errcode, body) => {
    const res = await code(body)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/json/)
    const json = await res.json()
    expect(json.errcode).toBe(errcode)
    expect(json.errmsg).toMatch(/rid: /)
  })

  it('answers a form body with 47001 and a missing token with 41001, as JSON', async () => {
    expect((await (await code('scene=c%3Da')).json()).errcode).toBe(47001)
    expect((await h.call('/wxa/getwxacodeunlimit', { scene: 'c=a' }, null)).errcode).toBe(41001)
  })

  it('a forced failure (45009, the minute limit) is JSON too', async () => {
    h.sandbox.mp.fail('getwxacodeunlimit', 45009)
    expect((await (await code({ scene: 'c=a' })).json()).errcode).toBe(45009)
    expect((await code({ scene: 'c=a' })).headers.get('content-type')).toBe('image/png')
  })

  it('GET /wxacode/scan tells what a scan opens', async () => {
    const text = read(await png(await code({ scene: 's=Ab3k9Zq', page: 'pages/content/index' }))).text
    const page = await (await fetch(text)).text()
    expect(page).toContain('pages/content/index')
    expect(page).toContain('1047')
    expect(page).toContain('s%3DAb3k9Zq')
  })

  it('with the shop\'s H5 address, a scan opens the H5 page as scene 1047 with the code\'s scene in the page query', async () => {
    const shop = await startMp({ pages: PAGES, h5Url: 'http://shop.test/h5/' })
    try {
      const res = await fetch(`${shop.url}/wxa/getwxacodeunlimit?access_token=${encodeURIComponent(await shop.token())}`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ scene: 's=Ab3k9Zq', page: 'pages/content/index' })
      })
      const scan = await fetch(read(await png(res)).text, { redirect: 'manual' })
      expect(scan.status).toBe(302)
      expect(scan.headers.get('location')).toBe('http://shop.test/h5/?scene=1047#/pages/content/index?scene=s%3DAb3k9Zq')
    } finally {
      await shop.close()
    }
  })
})
