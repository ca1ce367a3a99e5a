// Image upload: multipart, type checked by magic bytes (not name or
// declared type), size limited, stored content-addressed and served under
// /media/ with long cache headers.
import { describeEachDb } from '../helpers/each-db'
import { createTestApp, type TestApp } from '../helpers/test-app'
import { UPLOAD_LIMIT_BYTES } from '../../../src/server/app'

// A real 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64'
)
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 1)])

interface Answer {
  media: { id: string; url: string; path: string; mime: string; sizeBytes: number }
  error: { code: string }
}

function form(bytes: Buffer, name: string, type: string): FormData {
  const fd = new FormData()
  fd.append('file', new Blob([new Uint8Array(bytes)], { type }), name)
  return fd
}

describeEachDb('POST /api/admin/media', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ dialect })
  })
  afterAll(() => t.close())

  const upload = (fd: FormData, cookie = t.adminCookie) =>
    fetch(`${t.url}/api/admin/media`, { method: 'POST', body: fd, headers: { cookie } })

  test('a PNG is stored and served under /media/ with cache headers', async () => {
    const res = await upload(form(PNG, 'dot.png', 'image/png'))
    expect(res.status).toBe(201)
    const { media } = (await res.json()) as Answer
    expect(media).toEqual({
      id: expect.stringMatching(/^med_/),
      path: expect.stringMatching(/^\/media\/[0-9a-f]{32}\.png$/),
      url: `http://shop.test${media.path}`,
      mime: 'image/png',
      sizeBytes: PNG.length
    })
    const file = await fetch(`${t.url}${media.path}`)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('image/png')
    expect(file.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(Buffer.from(await file.arrayBuffer())).toEqual(PNG)
    const etag = file.headers.get('etag') ?? ''
    const again = await fetch(`${t.url}${media.path}`, { headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
    // The path is a valid image URL for page blocks.
    const page = await t.call('POST', '/api/admin/pages', {
      cookie: t.adminCookie,
      body: { slug: 'with-upload', title: '上传', blocks: [{ type: 'image', image: media.path }] }
    })
    expect(page.status).toBe(201)
  })

  test('the same bytes uploaded twice are one file and one record', async () => {
    const a = (await (await upload(form(JPEG, 'a.jpg', 'image/jpeg'))).json()) as Answer
    const b = (await (await upload(form(JPEG, 'copy.jpeg', 'image/jpeg'))).json()) as Answer
    expect(b.media).toEqual(a.media)
    expect(a.media.mime).toBe('image/jpeg')
  })

  test('type is judged by content: a script named .png is 415, and nothing is stored', async () => {
    const before = await t.deps.db.selectFrom('media').select('id').execute()
    const res = await upload(form(Buffer.from('<script>alert(1)</script>'), 'evil.png', 'image/png'))
    expect(res.status).toBe(415)
    expect(((await res.json()) as Answer).error.code).toBe('UNSUPPORTED_FILE_TYPE')
    expect(await t.deps.db.selectFrom('media').select('id').execute()).toHaveLength(before.length)
  })

  test('a file over the limit is 413 FILE_TOO_LARGE', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(UPLOAD_LIMIT_BYTES + 1)])
    const res = await upload(form(big, 'big.png', 'image/png'))
    expect(res.status).toBe(413)
    expect(((await res.json()) as Answer).error.code).toBe('FILE_TOO_LARGE')
  })

  test('no file, JSON instead of multipart, or no staff session', async () => {
    const empty = new FormData()
    empty.append('note', 'no file here')
    const none = await upload(empty)
    expect(none.status).toBe(400)
    const json = await t.call('POST', '/api/admin/media', { cookie: t.adminCookie, body: { file: 'x' } })
    expect(json.status).toBe(415)
    const anon = await fetch(`${t.url}/api/admin/media`, { method: 'POST', body: form(PNG, 'a.png', 'image/png') })
    expect(anon.status).toBe(401)
  })

  test('/media/ serves only names it minted', async () => {
    for (const path of ['/media/..%2F..%2Fetc%2Fpasswd', '/media/nothere.png', `/media/${'0'.repeat(32)}.png`]) {
      const res = await fetch(`${t.url}${path}`)
      expect([path, res.status]).toEqual([path, 404])
    }
  })
})
