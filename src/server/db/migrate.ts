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
      // NOTE: this import() stays in our (transformed) code so it works under
      // tsx and under jest's CommonJS transform alike.
      const mod = (await import(join(folder, file))) as Migration
      if (typeof mod.up !== 'function') throw new Error(`migration ${file} exports no up()`)
      out[file.replace(/\.(ts|js)$/, '')] = { up: mod.up }
    }
    return out
  }
}

export async function migrateToLatest(database: Database): Promise<string[]> {
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
