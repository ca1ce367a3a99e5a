/**
 * A kill -9 between shipping and the upload loses nothing: the real server
 * runs as a child process (`node --import tsx src/server/main.ts`, jobs
 * poller on) against the real sandbox; an order is paid and shipped, the
 * server is killed with SIGKILL right after the ship answer (the upload is
 * only a row in the outbox then), restarted on the same database, and
 * WeChat then receives the upload exactly once. (It takes about half a
 * minute: the dead process held the jobs lease, which the new one takes
 * only once it lapses, as README "Jobs" says.)
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { backendEnvFor, sandboxOptionsFromKeys, writeKeysDir } from '../../../src/sandbox/keys'
import { createSandbox, type Sandbox } from '../../../src/sandbox/sandbox'
import { shopKeys } from '../commerce/helpers/shop'
import { describeEachDb } from '../helpers/each-db'
import type { Json } from '../helpers/test-app'
import { createTestDb, type TestDb } from '../helpers/test-db'
import { poll } from '../../helpers/poll'

const root = resolve(__dirname, '../../..')
const ADMIN = { email: 'boss@kill.test', password: 'kill-test-password' }

function freePort(): Promise<number> {
  return new Promise((done) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => done(port))
    })
  })
}

function startServer(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env } as unknown as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'] as const
  })
  let out = ''
  child.stdout.on('data', (d: Buffer) => (out += String(d)))
  child.stderr.on('data', (d: Buffer) => (out += String(d)))
  return { child, output: () => out }
}

async function json(res: Response): Promise<Json> {
  const text = await res.text()
  if (!res.ok) throw new Error(`${res.url}: ${res.status} ${text}`)
  return text ? JSON.parse(text) : undefined
}

describeEachDb('a kill -9 between ship and upload', (dialect) => {
  let db: TestDb
  let dir: string
  let sandbox: Sandbox
  beforeAll(async () => {
    db = await createTestDb(dialect)
    dir = mkdtempSync(join(tmpdir(), 'shop-kill-ship-'))
    const keys = shopKeys()
    writeKeysDir(join(dir, 'keys'), keys)
    sandbox = createSandbox({ ...sandboxOptionsFromKeys(keys), timeFactor: 0.001 })
    await sandbox.listen(0)
  })
  afterAll(async () => {
    await sandbox.close()
    await db.drop()
    rmSync(dir, { recursive: true, force: true })
  })

  test('the upload waits in the outbox and goes to WeChat once after the restart', async () => {
    const port = await freePort()
    const base = `http://127.0.0.1:${port}`
    const env: Record<string, string> = {
      ...backendEnvFor(join(dir, 'keys'), sandbox.url),
      PORT: String(port),
      DATABASE_URL: db.url,
      MEDIA_DIR: join(dir, 'media'),
      PUBLIC_BASE_URL: base,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password
    }
    let server = startServer(env)
    const healthy = () =>
      poll(async () => {
        if (server.child.exitCode !== null) throw new Error(`server exited early:\n${server.output()}`)
        const res = await fetch(`${base}/healthz`).catch(() => undefined)
        return res?.status === 200 ? true : undefined
      }, { what: '/healthz', timeoutMs: 40_000, everyMs: 100 })
    await healthy()

    const session = await fetch(`${base}/api/admin/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) })
    const cookie = /^sid=[^;]+/.exec(session.headers.getSetCookie()[0] ?? '')![0]
    const staff = (method: string, path: string, body?: unknown) =>
      fetch(`${base}${path}`, { method, headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined })
    const { product } = await json(await staff('POST', '/api/admin/products', { title: '粗陶茶杯', description: '手工', images: [], skus: [{ attrs: { 颜色: '米白' }, priceFen: 8800, stock: 5 }] }))

    const { code } = sandbox.loginCode()
    const { token } = await json(await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) }))
    const shopper = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
      fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers }, body: body ? JSON.stringify(body) : undefined })
    const address = { name: '李四', phone: '13912345678', province: '浙江省', city: '杭州市', district: '西湖区', detail: '龙井路 8 号' }
    const { order } = await json(await shopper('POST', '/api/v1/orders', { items: [{ skuId: product.skus[0].id, qty: 1 }], address }, { 'idempotency-key': 'kill-test-order-1' }))
    const { payment } = await json(await shopper('POST', `/api/v1/orders/${order.id}/pay`))
    const checked = await json(await fetch(`${sandbox.url}/sandbox/verify-pay-sign`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ appId: env.WECHAT_APPID, ...payment }) }))
    await sandbox.confirmPayment(checked.prepayId)
    await poll(async () => ((await json(await shopper('GET', `/api/v1/orders/${order.id}`))).order.status === 'paid' ? true : undefined), { what: 'the order to be paid', timeoutMs: 40_000, everyMs: 100 })

    const shipped = await staff('POST', `/api/admin/orders/${order.id}/ship`, { logisticsType: 'express', parcels: [{ carrierCode: 'SF', trackingNo: 'SF-KILL-1' }] })
    expect(shipped.status).toBe(200)
    const exited = new Promise((r) => server.child.once('exit', r))
    server.child.kill('SIGKILL')
    await exited
    expect(server.child.signalCode).toBe('SIGKILL')

    const look = db.reopen()
    const row = await look.db.selectFrom('orders').select(['status', 'transactionId']).where('id', '=', order.id).executeTakeFirstOrThrow()
    expect(row.status).toBe('shipped')
    const before = await look.db.selectFrom('wechatTasks').selectAll().where('orderId', '=', order.id).where('kind', '=', 'upload_shipping_info').execute()
    // The kill landed between ship and upload: the task is there, never attempted, and WeChat has heard nothing.
    expect(before.map((t) => [t.status, Number(t.attempts)])).toEqual([['pending', 0]])
    expect(sandbox.mp.calls('upload_shipping_info')).toHaveLength(0)
    expect(sandbox.mp.order(row.transactionId!)).toEqual(expect.objectContaining({ order_state: 1 }))

    server = startServer(env)
    try {
      await healthy()
      await poll(() => (sandbox.mp.order(row.transactionId!)?.order_state === 2 ? true : undefined), { what: 'WeChat to show the order shipped', timeoutMs: 40_000, everyMs: 100 })
      const uploads = sandbox.mp.calls('upload_shipping_info')
      expect(uploads.map((c) => c.errcode)).toEqual([0])
      expect(uploads[0]!.body).toEqual(
        expect.objectContaining({
          order_key: { order_number_type: 2, transaction_id: row.transactionId },
          shipping_list: [expect.objectContaining({ tracking_no: 'SF-KILL-1', express_company: 'SF', contact: { receiver_contact: '139****5678' } })]
        })
      )
      const after = await poll(async () => {
        const t = await look.db.selectFrom('wechatTasks').selectAll().where('id', '=', before[0]!.id).executeTakeFirstOrThrow()
        return t.status === 'done' ? t : undefined
      }, { what: 'the task to be done', timeoutMs: 40_000, everyMs: 100 })
      expect(Number(after.attempts)).toBe(1)
    } finally {
      const gone = new Promise((r) => server.child.once('exit', r))
      server.child.kill('SIGTERM')
      await gone
    }
  }, 120_000)
})
