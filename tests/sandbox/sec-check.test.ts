// POST /wxa/msg_sec_check version 2: suggest pass / review / risky by the sandbox's words.
import { startMp, type MpHarness } from './helpers/mp'

let h: MpHarness
beforeEach(async () => {
  h = await startMp()
})
afterEach(() => h.close())

const check = (body: Record<string, unknown>) => h.call('/wxa/msg_sec_check', { version: 2, scene: 1, openid: h.openid, ...body })

describe('POST /wxa/msg_sec_check', () => {
  it('passes ordinary text with label 100', async () => {
    const r = await check({ content: '山茶爱好者' })
    expect(r).toEqual(expect.objectContaining({ errcode: 0, errmsg: 'ok', result: { suggest: 'pass', label: 100 } }))
    expect(r.trace_id).toEqual(expect.any(String))
    expect(r.detail).toEqual(expect.arrayContaining([expect.objectContaining({ strategy: 'content_model', suggest: 'pass' })]))
  })

  it('answers risky or review for the fixed words; risky wins when both appear', async () => {
    expect((await check({ content: '来赌博吧' })).result).toEqual({ suggest: 'risky', label: 20006 })
    expect((await check({ content: '加微信' })).result).toEqual({ suggest: 'review', label: 10001 })
    expect((await check({ content: '加微信看色情' })).result).toEqual({ suggest: 'risky', label: 20002 })
    const r = await check({ content: '这是违禁词' })
    expect(r.errcode).toBe(0)
    expect(r.detail).toEqual(expect.arrayContaining([expect.objectContaining({ strategy: 'keyword', keyword: '违禁词', suggest: 'risky' })]))
  })

  it('checks nickname too with scene 1, not with other scenes', async () => {
    expect((await check({ content: '你好', nickname: '赌博王' })).result.suggest).toBe('risky')
    expect((await check({ content: '你好', nickname: '赌博王', scene: 2 })).result.suggest).toBe('pass')
  })

  it('POST /sandbox/mp/sec-words adds a word (risky by default, or review) and refuses bad ones', async () => {
    const add = (body: unknown) => fetch(`${h.url}/sandbox/mp/sec-words`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
    expect((await add({ word: 'FakeBrand' })).status).toBe(200)
    expect((await add({ word: '私聊', suggest: 'review' })).status).toBe(200)
    expect((await check({ content: 'a fakebrand bag' })).result).toEqual({ suggest: 'risky', label: 21000 })
    expect((await check({ content: '请私聊' })).result).toEqual({ suggest: 'review', label: 10001 })
    for (const bad of [{}, { word: 'x', suggest: 'block' }, { word: 'x', label: 100 }, { word: 'x', label: 1 }]) {
      const res = await add(bad)
      expect(res.status).toBe(400)
      expect((await res.json()).error.code).toBe('BAD_WORD')
    }
    const words = (await (await fetch(`${h.url}/sandbox/mp/sec-words`)).json()).items
    expect(words.map((w: { word: string }) => w.word)).toEqual(expect.arrayContaining(['违禁词', 'FakeBrand', '私聊']))
  })

  it.each([
    ['version 1', 40097, { version: 1 }],
    ['an openid WeChat never issued', 40003, { openid: 'oUnknownOpenid0000000000000' }],
    ['scene 5', 40129, { scene: 5 }],
    ['no content', 40097, { content: undefined }],
    ['content over 2500 characters', 40097, { content: '字'.repeat(2501) }]
  ])('refuses %s with %i', async (_name, errcode, change) => {
    const r = await check({ content: '你好', ...change })
    expect(r.errcode).toBe(errcode)
    expect(r.result).toBeUndefined()
  })

  it('checks the access_token first', async () => {
    expect((await h.call('/wxa/msg_sec_check', { version: 2, scene: 1, openid: h.openid, content: 'x' }, 'bad')).errcode).toBe(40001)
  })
})
