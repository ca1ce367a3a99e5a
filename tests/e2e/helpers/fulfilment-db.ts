// Where the fulfilment journey keeps its data: a fresh SQLite file (the real stack's
// default), and a fresh schema on TEST_DATABASE_URL when it is set, so the same story
// runs on PostgreSQL too. The schema starts empty; the backend migrates it on start.
import { randomBytes } from 'node:crypto'
import { Client } from 'pg'

export const PG_URL = process.env.TEST_DATABASE_URL

export type Dialect = 'sqlite' | 'postgres'
export const DIALECTS: Dialect[] = PG_URL ? ['sqlite', 'postgres'] : ['sqlite']

async function onAdmin<T>(run: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: PG_URL })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

/** undefined for SQLite (the stack makes its own file); for PostgreSQL a new schema and how to drop it. */
export async function databaseFor(dialect: Dialect): Promise<{ url?: string; drop: () => Promise<void> }> {
  if (dialect === 'sqlite') return { drop: async () => {} }
  if (!PG_URL) throw new Error('the postgres run needs TEST_DATABASE_URL (e.g. postgres://root@127.0.0.1:5432/test)')
  const schema = `f_${randomBytes(6).toString('hex')}`
  await onAdmin((c) => c.query(`CREATE SCHEMA ${schema}`))
  const url = `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`
  return { url, drop: () => onAdmin((c) => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)).then(() => undefined) }
}
