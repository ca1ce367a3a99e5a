/** Uploaded media. Files are content-addressed, so the same bytes uploaded twice are one row. */
import type { Selectable } from 'kysely'
import type { Executor } from '../database'
import type { CatalogTables } from '../schema'

export type MediaRow = Selectable<CatalogTables['media']>

/** Inserts unless a row for this file exists; returns the row that is stored either way. */
export async function saveMedia(db: Executor, row: MediaRow): Promise<MediaRow> {
  await db
    .insertInto('media')
    .values(row)
    .onConflict((oc) => oc.column('fileName').doNothing())
    .execute()
  return db.selectFrom('media').selectAll().where('fileName', '=', row.fileName).executeTakeFirstOrThrow()
}
