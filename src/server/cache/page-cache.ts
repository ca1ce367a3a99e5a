/**
 * Published pages served from memory. A shopper's page answer (`{page,
 * products}`: blocks plus its products at live price and stock) is built once,
 * serialized once and kept with its ETag; GET /api/v1/pages/:slug answers from
 * here and `304` when If-None-Match names the ETag.
 *
 * Freshness: every write that can change an answer calls contentChanged()
 * (content-changes.ts). A page or product change drops every entry at once
 * (they are rare; staff expect to see them). A stock move only marks the
 * entries showing that SKU: such an entry is rebuilt when it is read and at
 * least STOCK_LAG_MS old, so under a stream of orders a page is rebuilt at
 * most once a second, and stock shown lags by at most that. Orders still
 * check stock in the database.
 *
 * On PostgreSQL every instance LISTENs on CONTENT_CHANNEL with its own
 * connection; while that connection is down the cache is bypassed (every
 * read is built from the database) and emptied when it comes back, so no
 * change is missed. On SQLite (one process) changes arrive in-process.
 *
 * Previews (?preview=) never come here.
 */
import { createHash } from 'node:crypto'
import { EventEmitter } from 'node:events'
import type { Client } from 'pg'
import { loadPg } from '../db/drivers'
import { pageResponse, type PageResponse } from '@core/contract/pages'
import { ok, type Result } from '@core/result'
import type { Clock } from '../clock'
import type { Deps } from '../deps'
import { readPage } from '../flows/content/read-page'
import { CONTENT_CHANNEL, localContentChanges, parseContentChange, type ContentChange } from './content-changes'

export const STOCK_LAG_MS = 1000
const MAX_ENTRIES = 500
const RECONNECT_MS = 1000
/** How long this process reads through after its own page or product write if no notice comes (a rollback). */
export const PENDING_MS = 2000

export interface CachedPage {
  /** The JSON answer, serialized once. */
  body: Buffer
  /** Strong validator: a hash of body. */
  etag: string
}

interface Entry extends CachedPage {
  generation: number
  skuIds: Set<string>
  builtAtMs: number
  stockMoved: boolean
}

export interface PageCacheOptions {
  clock: Clock
  /** postgres://… to LISTEN on; absent on SQLite. */
  listenUrl?: string
  build: (slug: string) => Promise<Result<PageResponse>>
  stockLagMs?: number
}

export function etagOf(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`
}

/** Does an If-None-Match header name this ETag (weak or strong, or `*`)? */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim()
    return t === '*' || t === etag || t === `W/${etag}`
  })
}

export function serializePage(answer: PageResponse): CachedPage {
  const body = Buffer.from(JSON.stringify(pageResponse.parse(answer)))
  return { body, etag: etagOf(body) }
}

/**
 * Events: 'change' (ContentChange, or null when everything was dropped) after a
 * change is applied; 'listening' once the PostgreSQL listener is up.
 */
export class PageCache extends EventEmitter {
  private entries = new Map<string, Entry>()
  private building = new Map<string, Promise<Result<CachedPage>>>()
  /** Bumped by page and product changes: entries of an older generation are dropped. */
  private generation = 0
  /** Bumped by every stock move, so a build that overlapped one is marked. */
  private stockSeq = 0
  private listener: Client | null = null
  private listening: boolean
  private stopped = false
  private retry: NodeJS.Timeout | null = null
  private readonly onLocal = (change: ContentChange) => this.apply(change)
  /** PostgreSQL: this process's own page/product writes whose notices have not come back, with their deadlines. */
  private pending = new Map<string, number>()
  private readonly onPending = (token: string) => this.pending.set(token, this.opts.clock.now().getTime() + PENDING_MS)
  readonly hits = { memory: 0, built: 0 }

  constructor(private readonly opts: PageCacheOptions) {
    super()
    this.listening = opts.listenUrl === undefined
  }

  /** SQLite: subscribe in-process. PostgreSQL: connect the listener (retrying in the background). */
  async start(): Promise<void> {
    if (this.opts.listenUrl === undefined) {
      localContentChanges.on('change', this.onLocal)
      return
    }
    localContentChanges.on('pending', this.onPending)
    await this.connect()
  }

  async stop(): Promise<void> {
    this.stopped = true
    localContentChanges.off('change', this.onLocal)
    localContentChanges.off('pending', this.onPending)
    if (this.retry) clearTimeout(this.retry)
    const l = this.listener
    this.listener = null
    this.listening = false
    if (l) await l.end().catch(() => undefined)
  }

  /** Resolves once changes are heard (at once on SQLite). */
  ready(): Promise<void> {
    if (this.listening) return Promise.resolve()
    return new Promise((resolve) => this.once('listening', () => resolve()))
  }

  private async connect(): Promise<void> {
    if (this.stopped) return
    const client = new (loadPg().Client)({ connectionString: this.opts.listenUrl })
    const lost = () => {
      if (this.listener !== client) return
      this.listener = null
      this.listening = false
      this.dropAll()
      client.end().catch(() => undefined)
      this.scheduleReconnect()
    }
    client.on('error', lost)
    client.on('end', lost)
    client.on('notification', (n) => {
      if (n.channel !== CONTENT_CHANNEL) return
      const notice = parseContentChange(n.payload)
      if (notice?.token) this.pending.delete(notice.token)
      this.apply(notice)
    })
    try {
      await client.connect()
      await client.query(`LISTEN ${CONTENT_CHANNEL}`)
    } catch {
      client.removeAllListeners('end')
      await client.end().catch(() => undefined)
      this.scheduleReconnect()
      return
    }
    if (this.stopped) {
      await client.end().catch(() => undefined)
      return
    }
    this.listener = client
    // Whatever changed while nobody listened: start empty.
    this.dropAll()
    this.listening = true
    this.emit('listening')
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.retry) return
    this.retry = setTimeout(() => {
      this.retry = null
      void this.connect()
    }, RECONNECT_MS)
    this.retry.unref()
  }

  private dropAll(): void {
    this.generation++
    this.entries.clear()
  }

  /** Applies one change (null: unknown, drop everything). */
  apply(change: ContentChange | null): void {
    if (change === null || change.kind !== 'stock') {
      this.dropAll()
    } else {
      this.stockSeq++
      for (const e of this.entries.values()) if (e.skuIds.has(change.skuId)) e.stockMoved = true
    }
    this.emit('change', change)
  }

  private fresh(e: Entry | undefined): e is Entry {
    if (!e || e.generation !== this.generation) return false
    return !e.stockMoved || this.opts.clock.now().getTime() - e.builtAtMs < (this.opts.stockLagMs ?? STOCK_LAG_MS)
  }

  /** Serving from memory now? Not while the listener is down, nor while one of our own writes is unheard. */
  private usable(): boolean {
    if (!this.listening) return false
    if (this.pending.size === 0) return true
    const now = this.opts.clock.now().getTime()
    for (const [token, until] of this.pending) if (until <= now) this.pending.delete(token)
    return this.pending.size === 0
  }

  async read(slug: string): Promise<Result<CachedPage>> {
    const entry = this.entries.get(slug)
    const usable = this.usable()
    if (usable && this.fresh(entry)) {
      this.hits.memory++
      return ok(entry)
    }
    if (!usable) return this.rebuild(slug, false)
    let building = this.building.get(slug)
    if (!building) {
      building = this.rebuild(slug, true).finally(() => this.building.delete(slug))
      this.building.set(slug, building)
    }
    return building
  }

  private async rebuild(slug: string, keep: boolean): Promise<Result<CachedPage>> {
    const generation = this.generation
    const stockSeq = this.stockSeq
    const builtAtMs = this.opts.clock.now().getTime()
    this.hits.built++
    const answer = await this.opts.build(slug)
    if (!answer.ok) return answer
    const cached = serializePage(answer.value)
    // Kept only if nothing dropped the cache while it was built; a stock move meanwhile marks it.
    if (keep && this.usable() && generation === this.generation) {
      const skuIds = new Set(Object.values(answer.value.products).flatMap((p) => p.skus.map((s) => s.id)))
      if (!this.entries.has(slug) && this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string)
      this.entries.set(slug, { ...cached, generation, skuIds, builtAtMs, stockMoved: stockSeq !== this.stockSeq })
    }
    return ok(cached)
  }
}

const caches = new WeakMap<Deps, PageCache>()

/** This app's page cache (one per Deps), started on first use; the route stops it when the app closes. */
export function pageCacheFor(deps: Deps): PageCache {
  let cache = caches.get(deps)
  if (!cache) {
    cache = new PageCache({
      clock: deps.clock,
      listenUrl: deps.database.dialect === 'postgres' ? deps.config.databaseUrl : undefined,
      build: (slug) => readPage(deps, slug)
    })
    caches.set(deps, cache)
    void cache.start()
  }
  return cache
}
