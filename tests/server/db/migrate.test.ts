// Migrations: forward only, run at start, a no-op the second time, and the
// same tables on both dialects. The expected schema is not a list kept by
// hand: it is read from the `Tables` interface in src/server/db/schema.ts,
// the type every repository's query is checked against (Kysely<Tables>), so
// a table or column the migrations miss, or one they add that the code does
// not know, fails here on the dialect that has it.
import { resolve } from 'node:path'
import { CamelCasePlugin, sql } from 'kysely'
import ts from 'typescript'
import type { Database } from '../../../src/server/db/database'
import { migrateToLatest } from '../../../src/server/db/migrate'
import { describeEachDb } from '../helpers/each-db'
import { createTestDb, DIALECTS, type TestDb } from '../helpers/test-db'

/** table → its columns, both sorted, in SQL's snake_case. */
type Schema = Record<string, string[]>

/** The database's own names for the code's camelCase ones, exactly as the app's CamelCasePlugin maps them. */
class SqlNames extends CamelCasePlugin {
  of(name: string): string {
    return this.snakeCase(name)
  }
}

function schemaInCode(): Schema {
  const file = resolve(__dirname, '../../../src/server/db/schema.ts')
  const program = ts.createProgram([file], { noEmit: true, skipLibCheck: true, strict: true, types: [] })
  const checker = program.getTypeChecker()
  const source = program.getSourceFile(file)
  const tables = source?.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'Tables')
  if (!tables) throw new Error('src/server/db/schema.ts declares no interface Tables')
  const names = new SqlNames()
  const schema: Schema = {}
  for (const table of checker.getPropertiesOfType(checker.getTypeAtLocation(tables.name))) {
    const row = checker.getTypeOfSymbolAtLocation(table, tables)
    schema[names.of(table.name)] = checker.getPropertiesOfType(row).map((c) => names.of(c.name)).sort()
  }
  return sorted(schema)
}

function sorted(schema: Schema): Schema {
  return Object.fromEntries(Object.entries(schema).sort(([a], [b]) => a.localeCompare(b)).map(([t, cols]) => [t, [...cols].sort()]))
}

interface Column {
  table: string
  column: string
  notNull: number | boolean
  pk: number | boolean
}

/** Every column of every table the migrations made (Kysely's own migration bookkeeping aside). */
async function columnsInDatabase(database: Database): Promise<Column[]> {
  const rows =
    database.dialect === 'sqlite'
      ? (
          await sql<Column>`
            select m.name as "table", p.name as "column", p."notnull" as "notNull", p.pk as pk
            from sqlite_master m join pragma_table_info(m.name) p
            where m.type = 'table' and m.name not like 'sqlite\\_%' escape '\\'`.execute(database.db)
        ).rows
      : (
          await sql<Column>`
            select c.table_name as "table", c.column_name as "column", c.is_nullable = 'NO' as "notNull",
              exists (
                select 1 from information_schema.table_constraints k
                join information_schema.key_column_usage u on u.constraint_name = k.constraint_name and u.table_schema = k.table_schema
                where k.constraint_type = 'PRIMARY KEY' and k.table_schema = c.table_schema and k.table_name = c.table_name and u.column_name = c.column_name
              ) as pk
            from information_schema.columns c
            join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
            where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'`.execute(database.db)
        ).rows
  return rows.filter((r) => !r.table.startsWith('kysely_migration'))
}

function schemaOf(columns: Column[]): Schema {
  const schema: Schema = {}
  for (const c of columns) (schema[c.table] ??= []).push(c.column)
  return sorted(schema)
}

/** `table.column` of the columns that refuse NULL (a primary key does on both dialects, declared or not). */
function notNullOf(columns: Column[]): string[] {
  return columns.filter((c) => Boolean(c.notNull) || Boolean(c.pk)).map((c) => `${c.table}.${c.column}`).sort()
}

const CODE = schemaInCode()

test('schema.ts declares tables with columns (the reader of the expected schema works)', () => {
  expect(Object.keys(CODE)).toEqual(expect.arrayContaining(['staff', 'users', 'products', 'orders', 'events', 'share_owners', 'rate_counters']))
  expect(CODE.users).toEqual(['avatar_url', 'created_at', 'id', 'last_login_at', 'name', 'openid', 'session_key', 'unionid'])
  expect(CODE.rate_counters).toEqual(['count', 'key', 'window_start'])
})

describeEachDb('migrations', (dialect) => {
  let db: TestDb
  beforeAll(async () => {
    db = await createTestDb(dialect)
  })
  afterAll(() => db.drop())

  test('a second run applies nothing', async () => {
    expect(await migrateToLatest(db.reopen())).toEqual([])
  })

  test('make every table and column of schema.ts, and no other', async () => {
    const made = schemaOf(await columnsInDatabase(db.database))
    expect(Object.keys(made)).toEqual(Object.keys(CODE))
    expect(made).toEqual(CODE)
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

// Both dialects in one test: the same tables, columns and NOT NULLs, so a query valid on one is valid on the other.
const bothDialects = DIALECTS.includes('postgres') ? describe : describe.skip
bothDialects('migrations on SQLite and PostgreSQL (TEST_DATABASE_URL)', () => {
  let lite: TestDb
  let pg: TestDb
  beforeAll(async () => {
    lite = await createTestDb('sqlite')
    pg = await createTestDb('postgres')
  })
  afterAll(async () => {
    await lite?.drop()
    await pg?.drop()
  })

  test('end with the same tables, columns and NOT NULL columns', async () => {
    const onLite = await columnsInDatabase(lite.database)
    const onPg = await columnsInDatabase(pg.database)
    expect(schemaOf(onPg)).toEqual(schemaOf(onLite))
    expect(notNullOf(onPg)).toEqual(notNullOf(onLite))
  })
})
