/**
 * Runs every migration in ./migrations at start, forward only, in file-name
 * order. Files are found by listing the folder, so a new
 * migration is added by adding a file (NNNN-name.ts exporting `up`), nothing else.
 * Kysely's migrator takes a lock, so instances starting together on one
 * PostgreSQL run each migration once.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely'
import type { Database } from './database'

const folder = join(__dirname, 'migrations')

/**
 * NOTE: without a schema, Kysely's "does the migration table exist?" check
 * matches that table in ANY PostgreSQL schema, so a database shared by
 * several schemas (test runs, tenants) would skip creating ours. Name the
 * schema search_path points at.
 */
async function schemaOf(database: Database): Promise<string | undefined> {
  if (database.dialect !== 'postgres') return undefined
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(database.db)
  const schema = rows[0]?.schema
  if (!schema) throw new Error('PostgreSQL has no current schema: check search_path in DATABASE_URL')
  return schema
}

const provider: MigrationProvider = {
  async getMigrations() {
    const files = readdirSync(folder)
      .filter((f) => /^\d{4}-[a-z0-9-]+\.(ts|js)$/.test(f))
      .sort()
    const out: Record<string, Migration> = {}
    for (const file of files) {
      // NOTE: require(), not import(): the server runs under tsx's CommonJS
      // hooks only (package.json; docs/operations.md "Memory"), where import()
      // would reach Node's own ESM loader, which cannot read .ts. jest's
      // CommonJS runtime transforms a required .ts as well.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(join(folder, file)) as Migration
      if (typeof mod.up !== 'function') throw new Error(`migration ${file} exports no up()`)
      out[file.replace(/\.(ts|js)$/, '')] = { up: mod.up }
    }
    return out
  }
}

/** The names of the migrations this code knows, oldest first (the last one is its schema version). */
export async function knownMigrations(): Promise<string[]> {
  return Object.keys(await provider.getMigrations()).sort()
}

const MIGRATION_TABLE = 'kysely_migration'

/** The migrations recorded as applied in this database, oldest first; [] on an empty database. */
export async function appliedMigrations(database: Database): Promise<string[]> {
  const schema = await schemaOf(database)
  const exists =
    database.dialect === 'sqlite'
      ? await sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table' and name = ${MIGRATION_TABLE}`.execute(database.db)
      : await sql<{ n: number }>`select count(*) as n from information_schema.tables where table_schema = ${schema} and table_name = ${MIGRATION_TABLE}`.execute(database.db)
  if (Number(exists.rows[0]?.n ?? 0) === 0) return []
  const { rows } = await sql<{ name: string }>`select name from ${sql.table(MIGRATION_TABLE)} order by name`.execute(database.db)
  return rows.map((r) => r.name)
}

export class SchemaTooNewError extends Error {
  constructor(
    readonly databaseVersion: string,
    readonly codeVersion: string,
    readonly unknown: string[]
  ) {
    super(
      `The database's schema is newer than this code: the database is at migration ${databaseVersion}, ` +
        `this code knows migrations up to ${codeVersion} (unknown: ${unknown.join(', ')}). ` +
        'A newer release wrote to this database; run that release (or restore a backup taken before the upgrade). ' +
        'Migrations are forward only: an older release never runs on a newer schema.'
    )
    this.name = 'SchemaTooNewError'
  }
}

/** Migrations still to run, or SchemaTooNewError when the database has one this code does not know. */
export async function migrationStatus(database: Database): Promise<{ applied: string[]; known: string[]; pending: string[] }> {
  const [applied, known] = await Promise.all([appliedMigrations(database), knownMigrations()])
  const unknown = applied.filter((name) => !known.includes(name))
  if (unknown.length > 0) throw new SchemaTooNewError(applied[applied.length - 1]!, known[known.length - 1] ?? '(none)', unknown)
  return { applied, known, pending: known.filter((name) => !applied.includes(name)) }
}

/** Runs the migrations up to and including `name` (tests: the schema of an earlier release). */
export async function migrateUpTo(database: Database, name: string): Promise<string[]> {
  const migrator = new Migrator({ db: database.db, provider, migrationTableSchema: await schemaOf(database) })
  const { error, results } = await migrator.migrateTo(name)
  if (error) throw new Error(`migrating up to ${name} failed: ${String((error as Error).message ?? error)}`, { cause: error })
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

/**
 * Runs every pending migration. A database written by a newer release (a
 * migration recorded that this code does not have) is refused with
 * SchemaTooNewError before anything runs.
 */
export async function migrateToLatest(database: Database): Promise<string[]> {
  await migrationStatus(database)
  const migrator = new Migrator({ db: database.db, provider, migrationTableSchema: await schemaOf(database) })
  const { error, results } = await migrator.migrateToLatest()
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName
    throw new Error(`migration ${failed ?? '(unknown)'} failed: ${String((error as Error).message ?? error)}`, {
      cause: error
    })
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
