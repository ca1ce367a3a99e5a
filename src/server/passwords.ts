/**
 * Staff password hashing with node:crypto scrypt. The stored form carries
 * its parameters (`scrypt$N$r$p$salt$hash`) so the cost can rise later
 * without invalidating existing hashes.
 * At most MAX_CONCURRENT_HASHES derivations run at once (the rest wait in
 * line): scrypt runs on libuv's small thread pool, which file and DNS work
 * share, so a burst of logins must not take all of it.
 * N = 2^15 makes scrypt's working buffer 32 MiB (128·N·r), just above glibc's
 * largest dynamic mmap threshold: freeing it returns it to the system and
 * leaves malloc's threshold alone. At 2^14 (16 MiB) the first login raised
 * the threshold for good and the process kept ~45–60 MB of freed memory
 * resident from then on (docs/operations.md "Memory"). Hashes stored at an
 * older cost are rehashed at the next good login (needsRehash).
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

const N = 32768
const R = 8
const P = 1
const KEYLEN = 32

export const MAX_CONCURRENT_HASHES = 2

/** How busy the hashing slots are; `peak` is the most ever running at once (for tests and metrics). */
export const hashSlots = { running: 0, waiting: 0, peak: 0 }
const queue: Array<() => void> = []

async function inHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (hashSlots.running >= MAX_CONCURRENT_HASHES) {
    hashSlots.waiting++
    // The finishing holder hands its slot over (running stays as it is), so no newcomer slips in between.
    await new Promise<void>((resolve) => queue.push(resolve))
    hashSlots.waiting--
  } else {
    hashSlots.running++
  }
  hashSlots.peak = Math.max(hashSlots.peak, hashSlots.running)
  try {
    return await work()
  } finally {
    const next = queue.shift()
    if (next) next()
    else hashSlots.running--
  }
}

function derive(password: string, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
  return inHashSlot(() => deriveNow(password, salt, opts))
}

function deriveNow(password: string, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEYLEN, { ...opts, maxmem: 64 * 1024 * 1024 }, (e, key) =>
      e ? reject(e) : resolve(key)
    )
  )
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, { N, r: R, p: P })
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !hash) throw new Error('stored password hash has an unknown format')
  const expected = Buffer.from(hash, 'base64url')
  const key = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) })
  return key.length === expected.length && timingSafeEqual(key, expected)
}

/** Whether a stored hash was made at a lower cost than hashPassword uses now. */
export function needsRehash(stored: string): boolean {
  const [scheme, n, r, p] = stored.split('$')
  return scheme !== 'scrypt' || Number(n) < N || Number(r) < R || Number(p) < P
}

/** Verifying against this when the e-mail is unknown keeps the timing the same as a wrong password. */
export const DUMMY_HASH =
  'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
