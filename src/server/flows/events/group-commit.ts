/**
 * Group commit for POST /api/v1/events
 * (docs/architecture.md "Event ingest: group commit"): batches that arrive while a write is under way
 * wait in a queue, and when that write ends they are all written in ONE
 * transaction, each batch's work run in turn inside it. A batch's promise
 * settles only after that transaction has committed, so "acknowledged =
 * durable" holds exactly as with one transaction per batch: nobody is
 * answered before the write that holds their events is on disk.
 *
 * Nothing waits on a timer: an idle queue starts its write on the next turn
 * of the event loop (setImmediate), so the batches read in the same turn go
 * together, and later ones queue while that write is under way; a lone
 * batch waits one turn at most.
 * When a group's transaction fails (one batch's work threw, a deadlock, the
 * database hiccupped) every batch of it is written again alone, so a bad
 * batch fails only itself and the others get their own exact answers.
 *
 * `lock` runs first in each transaction with the sorted union of the
 * group's keys (the anon ids, locked on PostgreSQL), so two groups lock in
 * one order and cannot deadlock each other on them.
 */
import type { Executor } from '../../db/database'

interface Job<R> {
  keys: readonly string[]
  work: (trx: Executor) => Promise<R>
  resolve: (value: R) => void
  reject: (reason: unknown) => void
}

export interface GroupCommitOptions {
  /** Most batches in one transaction (bounds how long one write holds the database). */
  maxJobs?: number
  /** Transactions under way at once: 1 on SQLite (one writer anyway), a few on PostgreSQL. */
  concurrency?: number
}

export class GroupCommit {
  private readonly queue: Array<Job<unknown>> = []
  private active = 0
  private starting = 0
  private readonly maxJobs: number
  private readonly concurrency: number
  /** Transactions committed and batches written in them (docs, tests, the bench's log). */
  readonly stats = { transactions: 0, jobs: 0, fallbacks: 0 }

  constructor(
    private readonly db: Executor,
    private readonly lock: (trx: Executor, keys: readonly string[]) => Promise<void>,
    opts: GroupCommitOptions = {}
  ) {
    this.maxJobs = opts.maxJobs ?? 64
    this.concurrency = opts.concurrency ?? 1
  }

  /** Runs `work` in a transaction shared with the batches queued beside it; settles after the commit. */
  run<R>(keys: readonly string[], work: (trx: Executor) => Promise<R>): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ keys, work, resolve, reject } as Job<unknown>)
      if (this.active + this.starting < this.concurrency) {
        // Start on the next turn of the event loop, not now: the requests read in this same turn
        // join the group. On SQLite a write never yields to I/O, so without this no queue would form.
        this.starting++
        setImmediate(() => {
          this.starting--
          void this.drain()
        })
      }
    })
  }

  private async drain(): Promise<void> {
    this.active++
    try {
      while (this.queue.length > 0) await this.commit(this.queue.splice(0, this.maxJobs))
    } finally {
      this.active--
    }
  }

  private async commit(group: Array<Job<unknown>>): Promise<void> {
    if (group.length === 1) return this.alone(group[0]!)
    let results: unknown[]
    try {
      const keys = [...new Set(group.flatMap((j) => j.keys))].sort()
      results = await this.db.transaction().execute(async (trx) => {
        await this.lock(trx, keys)
        const out: unknown[] = []
        for (const job of group) out.push(await job.work(trx))
        return out
      })
    } catch {
      this.stats.fallbacks++
      for (const job of group) await this.alone(job)
      return
    }
    this.stats.transactions++
    this.stats.jobs += group.length
    group.forEach((job, i) => job.resolve(results[i]))
  }

  private async alone(job: Job<unknown>): Promise<void> {
    try {
      const result = await this.db.transaction().execute(async (trx) => {
        await this.lock(trx, [...job.keys].sort())
        return job.work(trx)
      })
      this.stats.transactions++
      this.stats.jobs++
      job.resolve(result)
    } catch (e) {
      job.reject(e)
    }
  }
}
