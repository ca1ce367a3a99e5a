/**
 * Upgrades, on both databases: a database at the previous release's schema
 * (every migration but the newest) holding data is migrated to the latest
 * and keeps that data, and the newest tables work on it; every earlier
 * migration also runs on a database left at the one before it. A database
 * written by a newer release (a migration recorded that this code does not
 * know) is refused, by migrateToLatest and by `npm run server`, with a
 * message naming both versions.
 */
import { spawn } from 'node:child_process'
import { join, resolve } from 'node:path'
import { sql } from 'kysely'
import { appliedMigrations, knownMigrations, migrateToLatest, migrateUpTo, SchemaTooNewError } from '../../../src/server/db/migrate'
import { describeEachDb } from '../helpers/each-db'
import { createTestDb, type TestDb } from '../helpers/test-db'

const root = resolve(__dirname, '../../..')

describeEachDb('upgrades', (dialect) => {
  const dbs: TestDb[] = []
  const emptyDb = async () => {
    const db = await createTestDb(dialect, { migrate: false })
    dbs.push(db)
    return db
  }
  afterAll(async () => {
    for (const db of dbs) await db.drop()
  })

  it('migrates a database at the previous release, with data in it, to the latest and keeps the data', async () => {
    const known = await knownMigrations()
    expect(known.length).toBeGreaterThan(2)
    const previous = known[known.length - 2]!
    const newest = known[known.length - 1]!
    const db = await emptyDb()
    const k = db.database.db
    expect(await migrateUpTo(db.database, previous)).toEqual(known.slice(0, -1))

    const now = '2024-01-02T03:04:05.000Z'
    await k.insertInto('products').values({ id: 'p1', title: '羊绒围巾', description: '', images: '[]', createdAt: now, updatedAt: now }).execute()
    await k.insertInto('skus').values({ id: 's1', productId: 'p1', attrs: '{"颜色":"驼色"}', priceFen: 59900, stock: 7, position: 0, active: 1 }).execute()
    await k.insertInto('users').values({ id: 'u1', openid: 'o1', unionid: null, sessionKey: 'k', createdAt: now, lastLoginAt: now }).execute()
    const ts = Date.parse(now)
    await k
      .insertInto('events')
      .values([
        { id: 'e1', type: 'content_view', ts, receivedAt: now, anonId: 'a1', userId: null, sessionId: 's', page: null, scene: null, shareId: null, parentShareId: null, channel: null, contentSlug: 'spring', productId: null, skuId: null, qty: null, orderId: null, totalFen: null, props: null, shopper: 'a1' },
        { id: 'e2', type: 'share', ts: ts + 1, receivedAt: now, anonId: 'a1', userId: null, sessionId: 's', page: null, scene: null, shareId: 'sh1', parentShareId: null, channel: 'chat', contentSlug: 'spring', productId: null, skuId: null, qty: null, orderId: null, totalFen: null, props: null, shopper: 'a1' }
      ])
      .execute()

    expect(await migrateToLatest(db.database)).toEqual([newest])
    expect(await appliedMigrations(db.database)).toEqual(known)
    expect(await k.selectFrom('skus').select(['id', 'priceFen', 'stock']).execute()).toEqual([{ id: 's1', priceFen: 59900, stock: 7 }])
    expect(await k.selectFrom('users').select(['id', 'openid']).execute()).toEqual([{ id: 'u1', openid: 'o1' }])
    const events = await k.selectFrom('events').select(['id', 'type', 'ts', 'shopper']).orderBy('id').execute()
    expect(events.map((e) => ({ ...e, ts: Number(e.ts) }))).toEqual([
      { id: 'e1', type: 'content_view', ts, shopper: 'a1' },
      { id: 'e2', type: 'share', ts: ts + 1, shopper: 'a1' }
    ])
    // The newest migration's table takes rows beside the old data.
    await k.insertInto('eventDailyRollups').values({ day: '2024-01-02', type: 'content_view', contentSlug: 'spring', shopper: 'a1', events: 1, firstTs: ts, lastTs: ts }).execute()
    expect(Number((await k.selectFrom('eventDailyRollups').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(1)
    // A second run applies nothing.
    expect(await migrateToLatest(db.reopen())).toEqual([])
  })

  it('runs every migration on a database left at the one before it', async () => {
    const known = await knownMigrations()
    for (let i = 1; i < known.length; i++) {
      const db = await emptyDb()
      await migrateUpTo(db.database, known[i - 1]!)
      expect(await migrateToLatest(db.database)).toEqual(known.slice(i))
      await db.drop()
      dbs.splice(dbs.indexOf(db), 1)
    }
  }, 120_000)

  it('refuses a database from a newer release, naming both versions', async () => {
    const known = await knownMigrations()
    const db = await emptyDb()
    await migrateToLatest(db.database)
    await sql`insert into kysely_migration (name, timestamp) values ('9999-from-a-newer-release', '2031-01-01T00:00:00.000Z')`.execute(db.database.db)
    const refused = await migrateToLatest(db.reopen()).then(
      () => null,
      (e: unknown) => e
    )
    expect(refused).toBeInstanceOf(SchemaTooNewError)
    expect((refused as Error).message).toContain('the database is at migration 9999-from-a-newer-release')
    expect((refused as Error).message).toContain(`this code knows migrations up to ${known[known.length - 1]}`)

    // npm run server stops at start with that message, before listening.
    const child = spawn(join(root, 'node_modules/.bin/tsx'), ['src/server/main.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: db.url, WECHAT_APPID: 'wx1', WECHAT_SECRET: 's', PORT: '0' } as unknown as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let out = ''
    child.stdout.on('data', (d) => (out += String(d)))
    child.stderr.on('data', (d) => (out += String(d)))
    const code = await new Promise<number | null>((r) => child.on('exit', r))
    expect(code).toBe(1)
    expect(out).toContain("The database's schema is newer than this code")
    expect(out).toContain('9999-from-a-newer-release')
    expect(out).toContain(known[known.length - 1]!)
    expect(out).not.toContain('listening')
  }, 60_000)
})
