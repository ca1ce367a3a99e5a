/**
 * `npm run backup` and `npm run restore -- PATH` (docs/operations.md
 * "Backups"). Reads DATABASE_URL and MEDIA_DIR as the server does, plus
 * BACKUP_DIR (default data/backups) and BACKUP_KEEP (default 7). Needs none
 * of the WeChat variables. On PostgreSQL it points at pg_dump instead.
 */
import { backupSqlite, restoreSqlite, sqlitePathOf } from './backup'

const POSTGRES_HINT =
  'DATABASE_URL is PostgreSQL: back it up with pg_dump (e.g. pg_dump --format=custom "$DATABASE_URL" > shop.dump) ' +
  'and restore with pg_restore; for point-in-time recovery use WAL archiving. See docs/operations.md "Backups". ' +
  'The media folder (MEDIA_DIR) still needs copying.'

function intEnv(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new Error(`${name} must be a positive integer, got "${value}"`)
  return Number(value)
}

async function main(argv: string[]): Promise<number> {
  const [command, path] = argv
  const databaseUrl = process.env.DATABASE_URL?.trim() || 'sqlite:data/shop.db'
  const mediaDir = process.env.MEDIA_DIR?.trim() || 'data/media'
  const databasePath = sqlitePathOf(databaseUrl)
  if (databasePath === null) {
    process.stderr.write(databaseUrl.startsWith('sqlite:') ? 'sqlite::memory: has nothing to back up\n' : `${POSTGRES_HINT}\n`)
    return 2
  }
  if (command === 'backup') {
    const backupDir = process.env.BACKUP_DIR?.trim() || 'data/backups'
    const keep = intEnv(process.env.BACKUP_KEEP, 'BACKUP_KEEP', 7)
    const r = await backupSqlite({ databasePath, mediaDir, backupDir, keep })
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1)
    process.stdout.write(
      `backup written to ${r.path}\n` +
        `  schema ${r.manifest.schemaVersion}, database ${mb(r.manifest.databaseBytes)} MB, ` +
        `media ${r.manifest.mediaFiles} files ${mb(r.manifest.mediaBytes)} MB, ${r.manifest.durationMs} ms\n` +
        (r.removed.length > 0 ? `  removed older backups (BACKUP_KEEP=${keep}): ${r.removed.join(', ')}\n` : '')
    )
    return 0
  }
  if (command === 'restore') {
    if (!path) {
      process.stderr.write('usage: npm run restore -- PATH   (a folder written by npm run backup)\n')
      return 2
    }
    const r = await restoreSqlite(path, { databasePath, mediaDir })
    process.stdout.write(
      `restored ${r.checked.path} (schema ${r.checked.migrations[r.checked.migrations.length - 1]}) into ${databasePath}\n` +
        (r.movedAside.length > 0 ? `  the previous files were moved aside: ${r.movedAside.join(', ')}\n` : '') +
        (r.checked.pending.length > 0 ? `  the next start migrates it: ${r.checked.pending.join(', ')}\n` : '')
    )
    return 0
  }
  process.stderr.write('usage: backup-cli.ts backup | restore PATH\n')
  return 2
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`)
    process.exit(1)
  }
)
