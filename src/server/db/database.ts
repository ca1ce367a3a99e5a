/**
 * Opens the one database the server talks to, from DATABASE_URL:
 * `sqlite:PATH` / `sqlite::memory:` (better-sqlite3, WAL) or `postgres://…`
 * (pg Pool). Both sit behind one Kysely<Tables>, so repositories write each
 * query once. A PostgreSQL URL may carry `?options=-c search_path=NAME`,
 * which tests use to give every run its own schema.
 */
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type SQLite from 'better-sqlite3'
import type { Pool } from 'pg'
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely'
import { loadBetterSqlite3, loadPg } from './drivers'
import type { Tables } from './schema'

export type DialectName = 'sqlite' | 'postgres'

export interface Database {
  db: Kysely<Tables>
  dialect: DialectName
  close(): Promise<void>
  /** PostgreSQL's connection pool (its counts feed /metrics); absent on SQLite. */
  pool?: Pool
  /** The better-sqlite3 handle (online backup); absent on PostgreSQL. */
  sqlite?: SQLite.Database
}

/** What a repository function takes: the database or a transaction over it. */
export type Executor = Kysely<Tables>

export function openDatabase(url: string): Database {
  if (url.startsWith('sqlite:')) return openSqlite(url.slice('sqlite:'.length))
  if (/^postgres(ql)?:\/\//.test(url)) return openPostgres(url)
  throw new Error(`DATABASE_URL must be sqlite:PATH, sqlite::memory: or postgres://…`)
}

function openSqlite(path: string): Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const Sqlite = loadBetterSqlite3()
  const sqlite = new Sqlite(path)
  sqlite.pragma('journal_mode = WAL')
  // NOTE: another process (a second instance, a migration) may hold the write
  // lock briefly; wait instead of failing with SQLITE_BUSY at once.
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = ON')
  const db = new Kysely<Tables>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    plugins: [new CamelCasePlugin()]
  })
  return { db, dialect: 'sqlite', close: () => db.destroy(), sqlite }
}

/**
 * Kysely prepares every query anew, and on SQLite preparing costs about as
 * much as running a small query; reusing statements by SQL text halves the
 * read path. Safe because Kysely runs one query at a time on its single
 * connection, so a statement is never in use twice.
 */
function withStatementCache(sqlite: SQLite.Database, max = 500): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>()
  return {
    close: () => sqlite.close(),
    prepare: (sql: string) => {
      let statement = cache.get(sql)
      if (!statement) {
        statement = sqlite.prepare(sql)
        if (cache.size >= max) cache.delete(cache.keys().next().value as string)
        cache.set(sql, statement)
      }
      return statement
    }
  }
}

function openPostgres(url: string): Database {
  const { Pool } = loadPg()
  const pool = new Pool({ connectionString: url, max: 10 })
  const db = new Kysely<Tables>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()]
  })
  return { db, dialect: 'postgres', close: () => db.destroy(), pool }
}
