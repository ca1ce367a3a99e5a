/**
 * The log file (LOG_FILE) with rotation (LOG_ROTATE, LOG_KEEP): pino writes
 * each JSON line here. Rotation renames the file to `NAME.YYYYMMDD-HHMMSS`
 * (the time it rotated, UTC) and starts a new one, when the next line would
 * pass the size limit or when the brand's day (UTC+08:00) changed since the
 * file was opened; only the newest LOG_KEEP rotated files are kept. Writes
 * are synchronous appends, so a crash loses no line already logged and
 * lines never interleave.
 */
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, renameSync, unlinkSync, writeSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import type { LogRotate } from '../config-ops'

const DAY_OFFSET_MS = 8 * 60 * 60 * 1000

export interface RotatingFileOptions {
  path: string
  rotate: LogRotate
  keep: number
  /** Time source (tests move it); default Date.now. */
  now?: () => number
}

export class RotatingFile {
  private fd: number
  private size: number
  private day: string
  private readonly path: string
  private readonly now: () => number

  constructor(private readonly opts: RotatingFileOptions) {
    this.path = resolve(opts.path)
    this.now = opts.now ?? Date.now
    mkdirSync(dirname(this.path), { recursive: true })
    this.fd = openSync(this.path, 'a')
    this.size = fstatSync(this.fd).size
    this.day = this.dayOf(this.now())
  }

  private dayOf(ms: number): string {
    return new Date(ms + DAY_OFFSET_MS).toISOString().slice(0, 10)
  }

  write(chunk: string | Buffer): boolean {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk)
    const now = this.now()
    const due =
      this.opts.rotate.kind === 'daily'
        ? this.dayOf(now) !== this.day && this.size > 0
        : this.size > 0 && this.size + bytes.length > this.opts.rotate.bytes
    if (due) this.rotate(now)
    writeSync(this.fd, bytes)
    this.size += bytes.length
    return true
  }

  /** Rotates now (also used on SIGHUP-style demand); answers the rotated file's name. */
  rotate(now = this.now()): string {
    closeSync(this.fd)
    let target = `${this.path}.${new Date(now).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}`
    for (let i = 1; existsSync(target); i++) target = `${target.replace(/\.\d+$/, '')}.${i}`
    renameSync(this.path, target)
    this.fd = openSync(this.path, 'a')
    this.size = 0
    this.day = this.dayOf(now)
    this.prune()
    return target
  }

  /** The rotated files beside the log, oldest first. */
  rotated(): string[] {
    const dir = dirname(this.path)
    const prefix = `${basename(this.path)}.`
    return readdirSync(dir)
      .filter((n) => n.startsWith(prefix) && /^\d{8}-\d{6}(\.\d+)?$/.test(n.slice(prefix.length)))
      .sort()
      .map((n) => join(dir, n))
  }

  private prune(): void {
    const files = this.rotated()
    for (const f of files.slice(0, Math.max(0, files.length - this.opts.keep))) unlinkSync(f)
  }

  close(): void {
    closeSync(this.fd)
  }
}
