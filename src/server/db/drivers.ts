/**
 * The two database drivers, loaded when first asked for: an instance on
 * SQLite never loads pg (and its protocol, types and pool), one on
 * PostgreSQL never loads better-sqlite3's native addon. Modules that only
 * name their types use `import type`, which costs nothing at run time.
 * tests/server/startup-memory.test.ts checks what a started server has loaded.
 */
import type BetterSqlite3 from 'better-sqlite3'
import type * as Pg from 'pg'

/* eslint-disable @typescript-eslint/no-require-imports -- require() on first use is the point */
export const loadPg = (): typeof Pg => require('pg') as typeof Pg
export const loadBetterSqlite3 = (): typeof BetterSqlite3 => require('better-sqlite3') as typeof BetterSqlite3
/* eslint-enable @typescript-eslint/no-require-imports */
