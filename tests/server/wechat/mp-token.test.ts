// One access_token for every instance, from the real sandbox's stable_token:
// stored in the database, renewed before it expires, replaced once when
// WeChat refuses it, and fetched by one instance at a time (the row's
// refresh lease), on both databases.
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../../src/server/app'
import type { Deps } from '../../../src/server/deps'
import { getAccessToken, RENEW_BEFORE_MS } from '../../../src/server/wechat/mp/access-token'
import { takeRefreshLease } from '../../../src/server/db/repos/wechat-token-repo'
import { enqueueWechatTask } from '../../../src/server/flows/outbox/enqueue'
import { runDueJobs } from '../../../src/server/jobs'
import { createShop, type Shop } from '../commerce/helpers/shop'
import { describeEachDb } from '../helpers/each-db'

const ctxOf = (deps: Deps) => ({ db: deps.db, clock: deps.clock, ...deps.config.wechat, instanceId: deps.instanceId })

describeEachDb('the shared access_token', (dialect) => {
  let shop: Shop
  let second: FastifyInstance
  beforeAll(async () => {
    shop = await createShop({ dialect })
    // A second instance of the backend on the same database.
    second = await buildApp({ config: shop.t.config, db: shop.t.db.reopen(), clock: shop.clock, log: { level: 'silent' } })
  })
  afterAll(async () => {
    await second.close()
    await shop.close()
  })
  const tokenCalls = () => shop.sandbox.mp.calls('stable_token')
  const stored = () => shop.t.deps.db.selectFrom('wechatTokens').selectAll().executeTakeFirstOrThrow()

  test('many calls on two instances at once fetch one token, kept in the database', async () => {
    const a = ctxOf(shop.t.deps)
    const b = ctxOf(second.deps)
    expect(a.instanceId).not.toBe(b.instanceId)
    const tokens = await Promise.all(Array.from({ length: 20 }, (_, i) => getAccessToken(i % 2 ? a : b)))
    expect(new Set(tokens).size).toBe(1)
    expect(tokenCalls()).toHaveLength(1)
    expect(tokenCalls()[0]!.body).toEqual({ grant_type: 'client_credential', appid: shop.t.config.wechat.appId, secret: '***' })
    const row = await stored()
    expect(row).toEqual(expect.objectContaining({ accessToken: tokens[0], refreshHolder: null, refreshUntil: null }))
    expect(Date.parse(row.expiresAt!)).toBe(shop.clock.now().getTime() + 7200_000)
    // Both instances' API calls use it.
    expect((await shop.t.deps.mp.post('/cgi-bin/express/delivery/open_msg/get_delivery_list', {})).ok).toBe(true)
    expect((await second.deps.mp.post('/cgi-bin/express/delivery/open_msg/get_delivery_list', {})).ok).toBe(true)
    expect(tokenCalls()).toHaveLength(1)
  })

  test('renewed before it expires: a new one is fetched in the last five minutes', async () => {
    const old = (await stored()).accessToken
    shop.clock.advance(7200_000 - RENEW_BEFORE_MS - 1000)
    expect(await getAccessToken(ctxOf(second.deps))).toBe(old)
    shop.clock.advance(2000)
    // One instance renews; meanwhile the other may keep using the old token, which still works.
    const during = await Promise.all([getAccessToken(ctxOf(shop.t.deps)), getAccessToken(ctxOf(second.deps)), getAccessToken(ctxOf(second.deps))])
    const renewed = (await stored()).accessToken
    expect(renewed).not.toBe(old)
    expect(during.every((t) => t === old || t === renewed)).toBe(true)
    expect(during).toContain(renewed)
    expect(await getAccessToken(ctxOf(second.deps))).toBe(renewed)
    expect(tokenCalls()).toHaveLength(2)
  })

  test('a token WeChat refuses (42001) is replaced once and the call made again; two instances refresh once', async () => {
    const before = tokenCalls().length
    const old = (await stored()).accessToken
    shop.sandbox.mp.expireToken()
    const answers = await Promise.all([
      shop.t.deps.mp.post('/cgi-bin/express/delivery/open_msg/get_delivery_list', {}),
      second.deps.mp.post('/cgi-bin/express/delivery/open_msg/get_delivery_list', {})
    ])
    expect(answers.map((a) => a.ok)).toEqual([true, true])
    expect(tokenCalls().length).toBe(before + 1)
    expect((await stored()).accessToken).not.toBe(old)
    const codes = shop.sandbox.mp.calls('get_delivery_list').slice(-4).map((c) => c.errcode)
    expect(codes.sort()).toEqual([0, 0, 42001, 42001])
  })

  test('40001 (not the latest) is handled the same way; a second refusal is answered as is, not looped', async () => {
    const before = tokenCalls().length
    shop.sandbox.mp.fail('get_delivery_list', 40001, 1)
    expect((await shop.t.deps.mp.post('/cgi-bin/express/delivery/open_msg/get_delivery_list', {})).ok).toBe(true)
    expect(tokenCalls().length).toBe(before + 2) // normal mode answered the same token, so force_refresh
    expect((tokenCalls().at(-1)!.body as { force_refresh?: boolean }).force_refresh).toBe(true)
    shop.sandbox.mp.fail('get_delivery_list', 40001, 2)
    const twice = await shop.t.deps.mp.post('/cgi-bin/express/delivery/open_msg/get_delivery_list', {})
    expect(twice).toEqual(expect.objectContaining({ ok: false, errcode: 40001 }))
  })

  test('a refresher that died leaves a lease that lapses; another instance then takes over', async () => {
    const now = shop.clock.now()
    await shop.t.deps.db.updateTable('wechatTokens').set({ expiresAt: now.toISOString() }).execute()
    expect(await takeRefreshLease(shop.t.deps.db, shop.t.config.wechat.appId, 'dead-instance', now.toISOString(), new Date(now.getTime() + 30_000).toISOString())).toBe(true)
    shop.clock.advance(30_001)
    const token = await getAccessToken(ctxOf(second.deps))
    expect(token).toBe((await stored()).accessToken)
    expect((await stored()).refreshHolder).toBeNull()
  })
})

describeEachDb('a wrong app secret', (dialect) => {
  let shop: Shop
  beforeAll(async () => {
    shop = await createShop({ dialect, env: { WECHAT_SECRET: 'not-the-secret' } })
  })
  afterAll(() => shop.close())

  test('carriers answer 503 naming WeChat’s refusal; an outbox task fails with what to fix', async () => {
    const res = await shop.call('GET', '/api/admin/carriers', { cookie: shop.t.adminCookie })
    expect(res.status).toBe(503)
    expect(res.json.error).toEqual(expect.objectContaining({ code: 'WECHAT_UNAVAILABLE', message: expect.stringContaining('40125') }))
    expect(res.text).not.toContain('not-the-secret')
    await enqueueWechatTask(shop.t.deps.db, { kind: 'set_msg_jump_path', orderId: null, payload: { path: 'pkg-orders/detail/index' }, now: shop.clock.now() })
    const tick = await runDueJobs(shop.t.deps)
    expect(tick.outbox?.failed).toHaveLength(1)
    const task = await shop.t.deps.db.selectFrom('wechatTasks').selectAll().executeTakeFirstOrThrow()
    expect(task).toEqual(expect.objectContaining({ status: 'failed', lastErrcode: 40125, problemAction: expect.stringContaining('WECHAT_SECRET') }))
  })
})
