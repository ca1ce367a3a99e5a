/**
 * Is a build's output still good? It is when its marker file is newer than
 * every source file, and the values baked in at build time (the API and
 * sandbox bases) are the ones this start will serve.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

const SKIP = new Set(['node_modules', '.git', '.cache', '.swc'])

/** The newest modification time (ms) among `paths` and, for folders, everything under them. */
export function newestMtime(paths: string[]): number {
  let newest = 0
  const visit = (p: string) => {
    if (!existsSync(p)) return
    const s = statSync(p)
    if (s.isDirectory()) {
      for (const name of readdirSync(p)) if (!SKIP.has(name)) visit(join(p, name))
    } else {
      newest = Math.max(newest, s.mtimeMs)
    }
  }
  for (const p of paths) visit(p)
  return newest
}

/** Whether some .js file under `dir` holds each of `needles` as a quoted string literal. */
export function bakesIn(dir: string, needles: string[]): boolean {
  const missing = new Set(needles)
  const visit = (p: string) => {
    if (missing.size === 0) return
    const s = statSync(p)
    if (s.isDirectory()) {
      for (const name of readdirSync(p)) if (!SKIP.has(name)) visit(join(p, name))
      return
    }
    if (!p.endsWith('.js')) return
    const text = readFileSync(p, 'utf8')
    for (const n of missing) if (text.includes(`"${n}"`) || text.includes(`'${n}'`)) missing.delete(n)
  }
  if (!existsSync(dir)) return false
  visit(dir)
  return missing.size === 0
}

export type Freshness = { fresh: true } | { fresh: false; why: string }

export function freshness(outDir: string, marker: string, sources: string[], baked: string[]): Freshness {
  const markerPath = join(outDir, marker)
  if (!existsSync(markerPath)) return { fresh: false, why: `no ${marker} yet` }
  if (statSync(markerPath).mtimeMs < newestMtime(sources)) return { fresh: false, why: 'sources changed since the last build' }
  if (baked.length > 0 && !bakesIn(outDir, baked)) return { fresh: false, why: `built for another API address than ${baked.join(' / ')}` }
  return { fresh: true }
}
