/**
 * `npm run backup` / `npm run restore` on SQLite: a backup taken with the
 * online backup API while shoppers keep placing orders through HTTP, then
 * restored over the database of the stopped server: every order
 * acknowledged (201) before the backup started is there, served again by
 * the restarted server. Restore checks what it restores and refuses while a
 * server runs; older backups beyond BACKUP_KEEP go. On PostgreSQL the
 * command points at pg_dump.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import SQLite from 'better-sqlite3'
import { backupSqlite, markServerRunning, restoreSqlite, sqlitePathOf } from '../../../src/server/ops/backup'
import { createShop, type Shop, type Shopper } from '../commerce/helpers/shop'
import { placeOrder, seedSku } from '../commerce/helpers/orders'

const root = resolve(__dirname, '../../..')

describe('[sqlite] backup while orders are written, and restore', () => {
  let shop: Shop
  let backupDir: string
  let dbPath: string

  beforeAll(async () => {
    shop = await createShop({ dialect: 'sqlite' })
    backupDir = mkdtempSync(join(tmpdir(), 'shop-backups-'))
    dbPath = sqlitePathOf(shop.t.db.url)!
    writeFileSync(join(shop.t.config.mediaDir, 'hero.jpg'), Buffer.alloc(2048, 7))
  })
  afterAll(async () => {
    await shop.close()
    rmSync(backupDir, { recursive: true, force: true })
  })

  it('keeps every order acknowledged before the backup started', async () => {
    const { skuId } = await seedSku(shop, 9900, 1000)
    const shoppers: Shopper[] = []
    for (let i = 0; i < 12; i++) shoppers.push(await shop.shopper())
    // Bulk so the copy takes more than one step of the backup.
    const sqlite = new SQLite(dbPath)
    sqlite.pragma('busy_timeout = 5000')
    const insert = sqlite.prepare(
      `insert into events (id, type, ts, received_at, anon_id, user_id, session_id, page, shopper) values (?, 'page_view', ?, ?, ?, null, 's', 'pages/index', ?)`
    )
    sqlite.transaction(() => {
      for (let i = 0; i < 20_000; i++) insert.run(`bulk-${i}`, 1_700_000_000_000 + i, new Date().toISOString(), `a${i % 500}`, `a${i % 500}`)
    })()
    sqlite.close()

    const acked: string[] = []
    let firstAcks!: () => void
    const enoughAcked = new Promise<void>((r) => (firstAcks = r))
    // Each shopper may hold 3 unpaid orders: 36 orders from 12 shoppers, written concurrently.
    const writers = shoppers.map(async (buyer) => {
      for (let n = 0; n < 3; n++) {
        const res = await placeOrder(shop, buyer, [{ skuId, qty: 1 }])
        if (res.status !== 201) throw new Error(`order refused: ${res.status} ${JSON.stringify(res.json)}`)
        acked.push(res.json.order.id)
        if (acked.length >= 10) firstAcks()
      }
    })
    await enoughAcked
    const ackedBefore = [...acked]
    const backup = await backupSqlite({ databasePath: dbPath, mediaDir: shop.t.config.mediaDir, backupDir, keep: 3 })
    const ackedDuring = acked.length - ackedBefore.length
    await Promise.all(writers)
    expect(acked).toHaveLength(36)

    expect(backup.path).toMatch(/shop-\d{8}T\d{9}Z$/)
    expect(readdirSync(backup.path).sort()).toEqual(['manifest.json', 'media', 'shop.db'])
    const manifest = JSON.parse(readFileSync(join(backup.path, 'manifest.json'), 'utf8'))
    expect(manifest).toEqual(expect.objectContaining({ schemaVersion: expect.stringMatching(/^\d{4}-/), mediaFiles: 1, mediaBytes: 2048 }))
    expect(existsSync(join(backup.path, 'shop.db-wal'))).toBe(false)
    console.log(`backup of ${manifest.databaseBytes} bytes (20k events, ${ackedBefore.length}+ orders) in ${manifest.durationMs} ms; ${ackedDuring} orders acknowledged meanwhile`)

    // The operator stops the server, then restores.
    await shop.t.app.close()
    const restored = await restoreSqlite(backup.path, { databasePath: dbPath, mediaDir: shop.t.config.mediaDir })
    expect(restored.movedAside).toEqual(expect.arrayContaining([expect.stringMatching(/shop\.db\.before-restore-\d{8}T\d{9}Z$/)]))
    expect(readFileSync(join(shop.t.config.mediaDir, 'hero.jpg'))).toHaveLength(2048)

    await shop.t.restart()
    for (const id of ackedBefore) {
      const row = await shop.t.deps.db.selectFrom('orders').select(['id', 'status']).where('id', '=', id).executeTakeFirst()
      expect(row).toEqual({ id, status: 'pending_payment' })
    }
    // And the restarted server serves them to their shoppers over HTTP.
    const mine = await shop.call('GET', '/api/v1/orders', { token: shoppers[0]!.token })
    expect(mine.status).toBe(200)
    const restoredCount = await shop.t.deps.db.selectFrom('orders').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
    expect(Number(restoredCount.n)).toBeGreaterThanOrEqual(ackedBefore.length)
    expect(Number(restoredCount.n)).toBeLessThanOrEqual(36)
  })

  it('refuses while a server runs on the database, and checks what it restores', async () => {
    const backup = await backupSqlite({ databasePath: dbPath, mediaDir: shop.t.config.mediaDir, backupDir, keep: 10, now: new Date('2030-01-01T00:00:00Z') })
    const unmark = markServerRunning(dbPath)
    try {
      await expect(restoreSqlite(backup.path, { databasePath: dbPath, mediaDir: shop.t.config.mediaDir })).rejects.toThrow(
        /a server \(pid \d+\) is running on .*stop it first/
      )
    } finally {
      unmark()
    }

    const broken = mkdtempSync(join(tmpdir(), 'shop-broken-'))
    try {
      writeFileSync(join(broken, 'shop.db'), 'this is not a database')
      await expect(restoreSqlite(broken, { databasePath: dbPath, mediaDir: shop.t.config.mediaDir })).rejects.toThrow(/not a SQLite database|not a database/)

      copyFileSync(join(backup.path, 'shop.db'), join(broken, 'shop.db'))
      const newer = new SQLite(join(broken, 'shop.db'))
      newer.prepare(`insert into kysely_migration (name, timestamp) values ('9999-from-the-future', '2031-01-01T00:00:00.000Z')`).run()
      newer.close()
      await expect(restoreSqlite(broken, { databasePath: dbPath, mediaDir: shop.t.config.mediaDir })).rejects.toThrow(
        /at schema 9999-from-the-future, newer than this code's \d{4}-/
      )
    } finally {
      rmSync(broken, { recursive: true, force: true })
    }
  })

  it('keeps the newest BACKUP_KEEP backups', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shop-keep-'))
    try {
      for (const day of ['01', '02', '03', '04']) {
        await backupSqlite({ databasePath: dbPath, mediaDir: shop.t.config.mediaDir, backupDir: dir, keep: 2, now: new Date(`2030-02-${day}T03:00:00Z`) })
      }
      expect(readdirSync(dir).sort()).toEqual(['shop-20300203T030000000Z', 'shop-20300204T030000000Z'])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('npm run backup on PostgreSQL', () => {
  it('points at pg_dump and the docs instead of copying', () => {
    const r = spawnSync(join(root, 'node_modules/.bin/tsx'), ['src/server/ops/backup-cli.ts', 'backup'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: 'postgres://nobody@127.0.0.1:9/none' },
      encoding: 'utf8'
    })
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('pg_dump')
    expect(r.stderr).toContain('docs/operations.md')
  })
})
