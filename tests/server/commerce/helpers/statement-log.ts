/**
 * Counts what reaches the database driver, whatever built it (Kysely, a
 * compiled-once query, a raw better-sqlite3 statement, BEGIN and COMMIT):
 * better-sqlite3's Statement run/all/get/iterate and pg's Client#query are
 * wrapped for as long as the log is recording. Used to pin how many
 * statements each step of the checkout costs (tests and the order-pay
 * profile), on both dialects.
 */
import SQLite from 'better-sqlite3'
import { Client } from 'pg'

export interface StatementLog {
  /** Statements (SQL text) run since start(); keeps recording until stop(). */
  start(): void
  stop(): string[]
  /** Puts the drivers back as they were. */
  restore(): void
}

type Fn = (this: unknown, ...args: unknown[]) => unknown

export function logStatements(): StatementLog {
  let recording: string[] | null = null
  const restores: Array<() => void> = []
  const wrap = (proto: Record<string, unknown>, name: string, sqlOf: (self: unknown, args: unknown[]) => string | undefined) => {
    const original = proto[name] as Fn
    proto[name] = function (this: unknown, ...args: unknown[]) {
      if (recording) recording.push(sqlOf(this, args) ?? '?')
      return original.apply(this, args)
    }
    restores.push(() => {
      proto[name] = original
    })
  }
  const probe = new SQLite(':memory:')
  const statementProto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, unknown>
  probe.close()
  for (const name of ['run', 'all', 'get', 'iterate']) wrap(statementProto, name, (self) => (self as { source?: string }).source)
  wrap(Client.prototype as unknown as Record<string, unknown>, 'query', (_self, args) => {
    const q = args[0]
    return typeof q === 'string' ? q : (q as { text?: string } | undefined)?.text
  })
  return {
    start: () => {
      recording = []
    },
    stop: () => {
      const got = recording ?? []
      recording = null
      return got
    },
    restore: () => {
      for (const r of restores.splice(0)) r()
    }
  }
}
