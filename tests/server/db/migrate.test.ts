// Migrations: forward only, run at start, a no-op the second time, and the
// same tables on both dialects.
import { sql } from 'kysely'
import { migrateToLatest } from '../../../src/server/db/migrate'
import { describeEachDb } from '../helpers/each-db'
import { createTestDb, type TestDb } from '../helpers/test-db'

describeEachDb('migrations', (dialect) => {
  let db: TestDb
  beforeAll(async () => {
    db = await createTestDb(dialect)
  })
  afterAll(() => db.drop())

  test('a second run applies nothing', async () => {
    expect(await migrateToLatest(db.reopen())).toEqual([])
  })

  test('the issue-3 tables exist', async () => {
    const names =
      dialect === 'sqlite'
        ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db.database.db)).rows
        : (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(db.database.db)).rows
    expect(names.map((r) => r.name)).toEqual(
      expect.arrayContaining([
        'users', 'staff', 'staff_sessions', 'shopper_sessions', 'login_attempts', 'products', 'skus', 'pages',
        'page_versions', 'preview_tokens', 'media', 'audit_log', 'anon_bindings', 'job_leases'
      ])
    )
  })

  test('constraints hold on both dialects: no negative stock, one row per openid', async () => {
    const k = db.database.db
    const now = new Date().toISOString()
    await k.insertInto('products').values({ id: 'p1', title: 't', description: '', images: '[]', createdAt: now, updatedAt: now }).execute()
    // NOTE: better-sqlite3's errors are not instanceof the jest realm's Error, so read the message.
    const refused = (p: Promise<unknown>) => p.then(() => 'stored', (e: Error) => e.message)
    expect(
      await refused(k.insertInto('skus').values({ id: 's1', productId: 'p1', attrs: '{}', priceFen: 1, stock: -1, position: 0, active: 1 }).execute())
    ).toMatch(/check constraint/i)
    await k.insertInto('users').values({ id: 'u1', openid: 'o1', unionid: null, sessionKey: 'k', createdAt: now, lastLoginAt: now }).execute()
    expect(
      await refused(k.insertInto('users').values({ id: 'u2', openid: 'o1', unionid: null, sessionKey: 'k', createdAt: now, lastLoginAt: now }).execute())
    ).toMatch(/unique/i)
  })
})
