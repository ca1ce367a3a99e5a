/**
 * `npm run backup` / `npm run restore -- PATH` on the embedded SQLite
 * database (docs/operations.md "Backups").
 *
 * Backup: SQLite's online backup API (better-sqlite3's db.backup()) copies
 * a consistent snapshot of the database while the shop keeps writing (a
 * file copy of a WAL database can tear), then the media folder (after the
 * database, so every file the copied rows name is there), into
 * BACKUP_DIR/shop-YYYYMMDDTHHMMSSZ/ with a manifest.json. The folder is
 * written under a temporary name and renamed when complete; only the
 * newest BACKUP_KEEP complete backups are kept.
 *
 * Restore: checks the backup (integrity_check, a schema this code knows),
 * refuses while a server runs on the database (the pid file `npm run
 * server` keeps beside it), moves the current database and media aside
 * (`*.before-restore-…`, never deleted) and puts the backup in their place.
 * The next start runs any migrations newer than the backup.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import type SQLite from 'better-sqlite3'
import { loadBetterSqlite3 } from '../db/drivers'
import { knownMigrations } from '../db/migrate'

export const BACKUP_PREFIX = 'shop-'
const BACKUP_NAME = /^shop-\d{8}T\d{6}(\d{3})?Z$/

export interface BackupOptions {
  /** Path of the SQLite file (DATABASE_URL without `sqlite:`). */
  databasePath: string
  mediaDir: string
  backupDir: string
  keep: number
  now?: Date
}

export interface Manifest {
  createdAt: string
  database: string
  schemaVersion: string | null
  migrations: string[]
  databaseBytes: number
  mediaFiles: number
  mediaBytes: number
  durationMs: number
}

export interface BackupResult {
  path: string
  manifest: Manifest
  removed: string[]
}

/** Path of the SQLite file a DATABASE_URL names, or null for PostgreSQL / in-memory. */
export function sqlitePathOf(databaseUrl: string): string | null {
  if (!databaseUrl.startsWith('sqlite:')) return null
  const path = databaseUrl.slice('sqlite:'.length)
  return path === ':memory:' ? null : path
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.(\d{3})Z$/, '$1Z')
}

function walk(dir: string): { files: number; bytes: number } {
  if (!existsSync(dir)) return { files: 0, bytes: 0 }
  let files = 0
  let bytes = 0
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    const s = statSync(p)
    if (s.isDirectory()) {
      const sub = walk(p)
      files += sub.files
      bytes += sub.bytes
    } else {
      files++
      bytes += s.size
    }
  }
  return { files, bytes }
}

function migrationsIn(db: SQLite.Database): string[] {
  const table = db.prepare(`select name from sqlite_master where type = 'table' and name = 'kysely_migration'`).get()
  if (!table) return []
  return (db.prepare('select name from kysely_migration order by name').all() as Array<{ name: string }>).map((r) => r.name)
}

export async function backupSqlite(opts: BackupOptions): Promise<BackupResult> {
  const started = Date.now()
  const now = opts.now ?? new Date()
  const source = resolve(opts.databasePath)
  if (!existsSync(source)) throw new Error(`no database at ${source}`)
  mkdirSync(opts.backupDir, { recursive: true })
  const name = `${BACKUP_PREFIX}${stamp(now)}`
  const final = join(opts.backupDir, name)
  if (existsSync(final)) throw new Error(`a backup named ${name} exists already`)
  const partial = `${final}.partial`
  rmSync(partial, { recursive: true, force: true })
  mkdirSync(partial, { recursive: true })

  // A separate read connection: the backup steps through pages while the server writes (WAL).
  const db = new (loadBetterSqlite3())(source, { readonly: true, fileMustExist: true })
  let migrations: string[]
  try {
    db.pragma('busy_timeout = 5000')
    // After the first step, copy the rest in one step: a write from the server between steps restarts
    // the backup, and a busy shop writes often. In WAL mode one long read does not block writers.
    await db.backup(join(partial, 'shop.db'), { progress: () => 1 << 30 })
    migrations = migrationsIn(db)
  } finally {
    db.close()
  }
  const copy = new (loadBetterSqlite3())(join(partial, 'shop.db'))
  try {
    // A single file: no -wal beside it, so the backup is one self-contained file.
    copy.pragma('journal_mode = DELETE')
    const check = copy.pragma('integrity_check', { simple: true })
    if (check !== 'ok') throw new Error(`the copy failed integrity_check: ${String(check)}`)
  } finally {
    copy.close()
  }

  const media = resolve(opts.mediaDir)
  if (existsSync(media)) cpSync(media, join(partial, 'media'), { recursive: true })
  else mkdirSync(join(partial, 'media'))
  const m = walk(join(partial, 'media'))
  const manifest: Manifest = {
    createdAt: now.toISOString(),
    database: basename(source),
    schemaVersion: migrations[migrations.length - 1] ?? null,
    migrations,
    databaseBytes: statSync(join(partial, 'shop.db')).size,
    mediaFiles: m.files,
    mediaBytes: m.bytes,
    durationMs: Date.now() - started
  }
  writeFileSync(join(partial, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n')
  renameSync(partial, final)
  return { path: final, manifest, removed: pruneBackups(opts.backupDir, opts.keep) }
}

/** Removes all but the newest `keep` complete backups (and leftovers of interrupted ones); answers what it removed. */
export function pruneBackups(backupDir: string, keep: number): string[] {
  if (!existsSync(backupDir)) return []
  const names = readdirSync(backupDir)
  const removed: string[] = []
  for (const n of names.filter((n) => n.startsWith(BACKUP_PREFIX) && n.endsWith('.partial'))) {
    rmSync(join(backupDir, n), { recursive: true, force: true })
    removed.push(n)
  }
  const complete = names.filter((n) => BACKUP_NAME.test(n)).sort()
  for (const n of complete.slice(0, Math.max(0, complete.length - keep))) {
    rmSync(join(backupDir, n), { recursive: true, force: true })
    removed.push(n)
  }
  return removed
}

// ---- the server's pid file: restore refuses while a server runs on the database ----

export function pidFileOf(databasePath: string): string {
  return `${resolve(databasePath)}.server.pid`
}

/** `npm run server` on SQLite: records its pid beside the database; the returned function removes it. */
export function markServerRunning(databasePath: string, pid = process.pid): () => void {
  const file = pidFileOf(databasePath)
  writeFileSync(file, `${pid}\n`)
  return () => {
    try {
      if (readFileSync(file, 'utf8').trim() === String(pid)) unlinkSync(file)
    } catch {
      // Already gone.
    }
  }
}

/** The pid of a live server on this database, or null (no pid file, or its process is gone). */
export function runningServerPid(databasePath: string): number | null {
  const file = pidFileOf(databasePath)
  if (!existsSync(file)) return null
  const pid = Number(readFileSync(file, 'utf8').trim())
  if (!Number.isInteger(pid) || pid <= 0) return null
  try {
    process.kill(pid, 0)
    return pid
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM' ? pid : null
  }
}

export interface CheckedBackup {
  path: string
  manifest: Manifest | null
  migrations: string[]
  /** Migrations the next start will run on the restored data. */
  pending: string[]
}

/** Checks a backup folder (or a bare .db file): integrity_check, and a schema this code knows. Throws with the reason. */
export async function checkBackup(path: string): Promise<CheckedBackup> {
  const folder = statSync(path).isDirectory()
  const dbFile = folder ? join(path, 'shop.db') : path
  if (!existsSync(dbFile)) throw new Error(`${path} holds no shop.db`)
  const manifestFile = join(folder ? path : dirname(path), 'manifest.json')
  const manifest = folder && existsSync(manifestFile) ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest) : null
  let migrations: string[]
  const db = new (loadBetterSqlite3())(dbFile, { readonly: true, fileMustExist: true })
  try {
    const check = db.pragma('integrity_check', { simple: true })
    if (check !== 'ok') throw new Error(`${dbFile} fails integrity_check: ${String(check)}`)
    migrations = migrationsIn(db)
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_NOTADB') throw new Error(`${dbFile} is not a SQLite database`)
    throw e
  } finally {
    db.close()
  }
  if (migrations.length === 0) throw new Error(`${dbFile} has no migrations recorded: not a shop database`)
  const known = await knownMigrations()
  const unknown = migrations.filter((n) => !known.includes(n))
  if (unknown.length > 0) {
    throw new Error(
      `${dbFile} is at schema ${migrations[migrations.length - 1]}, newer than this code's ${known[known.length - 1]} (unknown: ${unknown.join(', ')}); restore it with the release that wrote it`
    )
  }
  return { path: dbFile, manifest, migrations, pending: known.filter((n) => !migrations.includes(n)) }
}

export interface RestoreOptions {
  databasePath: string
  mediaDir: string
  now?: Date
}

export interface RestoreResult {
  checked: CheckedBackup
  /** Where the previous database and media were moved. */
  movedAside: string[]
}

export async function restoreSqlite(backupPath: string, opts: RestoreOptions): Promise<RestoreResult> {
  const checked = await checkBackup(backupPath)
  const target = resolve(opts.databasePath)
  const pid = runningServerPid(target)
  if (pid !== null) {
    throw new Error(`a server (pid ${pid}) is running on ${target}: stop it first, then restore (its pid file is ${pidFileOf(target)})`)
  }
  const suffix = `.before-restore-${stamp(opts.now ?? new Date())}`
  const movedAside: string[] = []
  mkdirSync(dirname(target), { recursive: true })
  // The database with its WAL and shared-memory files: a stale -wal beside the restored file would be replayed into it.
  for (const file of [target, `${target}-wal`, `${target}-shm`]) {
    if (existsSync(file)) {
      renameSync(file, `${file}${suffix}`)
      movedAside.push(`${file}${suffix}`)
    }
  }
  const source = new (loadBetterSqlite3())(checked.path, { readonly: true, fileMustExist: true })
  try {
    await source.backup(target)
  } finally {
    source.close()
  }
  const backupMedia = join(dirname(checked.path), 'media')
  if (statSync(backupPath).isDirectory() && existsSync(backupMedia)) {
    const media = resolve(opts.mediaDir)
    if (existsSync(media)) {
      renameSync(media, `${media}${suffix}`)
      movedAside.push(`${media}${suffix}`)
    }
    cpSync(backupMedia, media, { recursive: true })
  }
  return { checked, movedAside }
}
