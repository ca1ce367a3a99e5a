/**
 * POST /api/v1/media: shoppers' photos, JPEG/PNG/WebP by content, ≤ 5 MB,
 * at most 20 a China day per shopper (429 with Retry-After until midnight
 * +08:00), served back under /media/.
 */
import { describeEachDb } from '../helpers/each-db'
import { createShop, type Shop, type Shopper } from '../commerce/helpers/shop'

const JPEG = (n: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(`jpeg-${n}`)])
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('png')])
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0, 0, 0, 0]), Buffer.from('WEBPVP8 ')])
const GIF = Buffer.from('GIF89a-not-for-shoppers')

describeEachDb('shopper photo upload', (dialect) => {
  let shop: Shop
  let buyer: Shopper

  beforeAll(async () => {
    shop = await createShop({ dialect, pay: false })
    buyer = await shop.shopper()
  })
  afterAll(() => shop.close())

  const upload = async (who: Shopper | null, bytes: Buffer, name = 'photo.jpg') => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), name)
    const res = await fetch(`${shop.t.url}/api/v1/media`, { method: 'POST', headers: who ? { authorization: `Bearer ${who.token}` } : {}, body: form })
    return { status: res.status, headers: res.headers, json: (await res.json()) as { url?: string; error?: { code: string; details: unknown } } }
  }

  it('stores JPEG, PNG and WebP by content and serves them back', async () => {
    for (const [bytes, ext] of [[JPEG(0), 'jpg'], [PNG, 'png'], [WEBP, 'webp']] as const) {
      const res = await upload(buyer, bytes, 'whatever.bin')
      expect(res.status).toBe(201)
      expect(res.json.url).toMatch(new RegExp(`^${shop.t.config.publicBaseUrl}/media/[0-9a-f]{32}\\.${ext}$`))
      const served = await fetch(`${shop.t.url}${new URL(res.json.url!).pathname}`)
      expect(Buffer.from(await served.arrayBuffer())).toEqual(bytes)
    }
  })

  it('refuses GIFs, non-images, oversized files and strangers', async () => {
    expect((await upload(buyer, GIF, 'a.gif')).json.error?.code).toBe('UNSUPPORTED_FILE_TYPE')
    const text = await upload(buyer, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'a.jpg')
    expect([text.status, text.json.error?.code]).toEqual([415, 'UNSUPPORTED_FILE_TYPE'])
    const big = await upload(buyer, Buffer.concat([JPEG(1), Buffer.alloc(5 * 1024 * 1024)]))
    expect([big.status, big.json.error?.code]).toEqual([413, 'FILE_TOO_LARGE'])
    expect((await upload(null, JPEG(2))).status).toBe(401)
  })

  it('allows 20 a day per shopper, counted by China’s calendar day', async () => {
    const who = await shop.shopper()
    // 23:00 in China: the day ends in an hour.
    shop.clock.set('2025-06-01T15:00:00.000Z')
    const statuses: number[] = []
    for (let i = 0; i < 20; i++) statuses.push((await upload(who, JPEG(100 + (i % 3)))).status)
    expect(statuses).toEqual(Array(20).fill(201))
    const refused = await upload(who, JPEG(200))
    expect([refused.status, refused.json.error?.code, refused.headers.get('retry-after')]).toEqual([429, 'TOO_MANY_REQUESTS', '3600'])
    // Another shopper is not affected.
    expect((await upload(buyer, JPEG(201))).status).toBe(201)
    // Midnight in China: a new day.
    shop.clock.set('2025-06-01T16:00:00.000Z')
    expect((await upload(who, JPEG(202))).status).toBe(201)
  })

  it('parallel uploads cannot pass the limit together', async () => {
    const who = await shop.shopper()
    shop.clock.set('2025-06-03T02:00:00.000Z')
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => upload(who, JPEG(300 + i))))
    expect(results.filter((r) => r.status === 201)).toHaveLength(20)
    expect(results.filter((r) => r.status === 429)).toHaveLength(10)
  })
})
