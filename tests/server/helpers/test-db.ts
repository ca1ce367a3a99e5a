/**
 * A fresh, migrated database per suite, on either dialect.
 *
 *   DIALECTS        ['sqlite'] plus 'postgres' when TEST_DATABASE_URL is set
 *                   (e.g. postgres://root@127.0.0.1:5432/test)
 *   createTestDb(d) SQLite: a new file in a temp dir (WAL needs a file).
 *                   PostgreSQL: a new random schema; the URL pins
 *                   search_path to it, so concurrent runs never collide.
 *   db.reopen()     a second connection to the same data, for restart and
 *                   two-instance tests.
 *   db.drop()       closes every connection it opened and removes the data.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { Client } from 'pg'
import { openDatabase, type Database, type DialectName } from '../../../src/server/db/database'
import { migrateToLatest } from '../../../src/server/db/migrate'

export type { DialectName }

const PG_URL = process.env.TEST_DATABASE_URL

export const DIALECTS: DialectName[] = PG_URL ? ['sqlite', 'postgres'] : ['sqlite']

export interface TestDb {
  dialect: DialectName
  url: string
  /** The first connection, already migrated. */
  database: Database
  reopen(): Database
  drop(): Promise<void>
}

/** `migrate: false` leaves the database empty (upgrade tests run the migrations themselves). */
export async function createTestDb(dialect: DialectName, opts: { migrate?: boolean } = {}): Promise<TestDb> {
  const migrate = (d: Database) => (opts.migrate === false ? Promise.resolve([]) : migrateToLatest(d))
  const opened: Database[] = []
  const open = (url: string) => {
    const db = openDatabase(url)
    opened.push(db)
    return db
  }
  const closeAll = () => Promise.all(opened.splice(0).map((d) => d.close()))

  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'shop-test-'))
    const url = `sqlite:${join(dir, 'shop.db')}`
    const database = open(url)
    await migrate(database)
    return {
      dialect,
      url,
      database,
      reopen: () => open(url),
      drop: async () => {
        await closeAll()
        rmSync(dir, { recursive: true, force: true })
      }
    }
  }

  if (!PG_URL) throw new Error('createTestDb("postgres") needs TEST_DATABASE_URL')
  const schema = `t_${randomBytes(6).toString('hex')}`
  await withAdmin((c) => c.query(`CREATE SCHEMA ${schema}`))
  const url = `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`
  const database = open(url)
  await migrate(database)
  return {
    dialect,
    url,
    database,
    reopen: () => open(url),
    drop: async () => {
      await closeAll()
      await withAdmin((c) => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`))
    }
  }
}

async function withAdmin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: PG_URL })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}
