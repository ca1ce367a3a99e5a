// The repository stands on its own: a comment in src/, tests/, config/ or .ci/ that names a
// Markdown document names one that is in the repository (and, when a quoted section follows
// the name, a heading that is in that document); the documents under docs/ and the README
// link only to files and headings that exist.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, dirname, join, relative } from 'node:path'
import * as ts from 'typescript'

const ROOT = join(__dirname, '../..')
const SCANNED = ['src', 'tests', 'config', '.ci']
const SKIP_DIRS = new Set(['node_modules', 'dist', 'dist-h5', 'dist-admin', 'data', 'coverage', 'screenshots', '.git', '.cache', '.swc'])
const SCRIPT = /\.(ts|tsx|js|jsx|mjs|cjs)$/
const OTHER_TEXT = /\.(css|scss|html|sh|ya?ml)$/
// A document's name as a comment writes it: `docs/api.md`, `README.md`.
const MD_NAME = /(?<![\w/.:-])((?:\.{1,2}\/)?[\w.-]+(?:\/[\w.-]+)*\.md)\b/g
const SECTION_AFTER = /^\s*\(?\s*"([^"]+)"/

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out
  for (const name of readdirSync(dir)) {
    if (SKIP_DIRS.has(name)) continue
    const path = join(dir, name)
    const stat = statSync(path)
    if (stat.isDirectory()) walk(path, out)
    else out.push(path)
  }
  return out
}

/** Every comment of a script, found by TypeScript's own parser (strings and regexes are not comments). */
function scriptComments(path: string, text: string): Array<{ line: number; text: string }> {
  const kind = path.endsWith('x') ? ts.ScriptKind.TSX : path.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind)
  const seen = new Map<number, { line: number; text: string }>()
  const collect = (pos: number) => {
    for (const r of [...(ts.getLeadingCommentRanges(text, pos) ?? []), ...(ts.getTrailingCommentRanges(text, pos) ?? [])]) {
      if (!seen.has(r.pos)) seen.set(r.pos, { line: file.getLineAndCharacterOfPosition(r.pos).line + 1, text: text.slice(r.pos, r.end) })
    }
  }
  const visit = (node: ts.Node) => {
    collect(node.pos)
    for (const child of node.getChildren(file)) visit(child)
  }
  visit(file)
  return [...seen.values()]
}

/** Text outside scripts (styles, shell, CI files without an extension) is read whole. */
function commentsOf(path: string): Array<{ line: number; text: string }> {
  const text = readFileSync(path, 'utf8')
  if (SCRIPT.test(path)) return scriptComments(path, text)
  if (OTHER_TEXT.test(path) || !basename(path).includes('.')) return text.split('\n').map((t, i) => ({ line: i + 1, text: t }))
  return []
}

const markdownFiles = walk(ROOT).filter((p) => p.endsWith('.md'))
const markdownBasenames = new Set(markdownFiles.map((p) => basename(p)))

/** The file a name points at: from the citing file's folder, else from the repository root; a bare name anywhere. */
function resolveDoc(name: string, from: string): string | null {
  for (const candidate of [join(dirname(from), name), join(ROOT, name)]) if (existsSync(candidate)) return candidate
  if (!name.includes('/') && markdownBasenames.has(name)) return markdownFiles.find((p) => basename(p) === name) ?? null
  return null
}

/** Heading texts of a Markdown file, outside code fences. */
function headings(path: string): string[] {
  let fenced = false
  const out: string[] = []
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (/^\s*```/.test(line)) fenced = !fenced
    else if (!fenced && /^#{1,6}\s/.test(line)) out.push(line.replace(/^#+\s*/, '').trim())
  }
  return out
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to dashes. */
function anchorOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-')
}

function isExternal(name: string, text: string): boolean {
  return new RegExp(`[a-z]+://\\S*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(text)
}

describe('documents named in comments', () => {
  const cited: Array<{ where: string; name: string; section?: string; path: string }> = []
  for (const dir of SCANNED) {
    for (const path of walk(join(ROOT, dir))) {
      for (const comment of commentsOf(path)) {
        for (const m of comment.text.matchAll(MD_NAME)) {
          const name = m[1]!
          if (isExternal(name, comment.text)) continue
          const section = SECTION_AFTER.exec(comment.text.slice((m.index ?? 0) + name.length))?.[1]
          cited.push({ where: `${relative(ROOT, path)}:${comment.line}`, name, path, ...(section ? { section } : {}) })
        }
      }
    }
  }

  test('every .md file a comment names is in the repository', () => {
    const missing = cited.filter((c) => resolveDoc(c.name, c.path) === null).map((c) => `${c.where} names ${c.name}`)
    expect(missing).toEqual([])
  })

  test('every section a comment quotes after a document name is a heading of that document', () => {
    const missing = cited
      .filter((c) => c.section !== undefined)
      .flatMap((c) => {
        const doc = resolveDoc(c.name, c.path)
        if (!doc) return [] // reported by the test above
        return headings(doc).some((h) => h.includes(c.section!)) ? [] : [`${c.where}: ${c.name} has no heading "${c.section}"`]
      })
    expect(missing).toEqual([])
  })

  test('the scan finds the comments it is meant to check', () => {
    // A scanner that silently found nothing would pass the tests above for the wrong reason.
    expect(cited.some((c) => c.name === 'docs/architecture.md')).toBe(true)
    expect(cited.some((c) => c.section !== undefined)).toBe(true)
  })
})

describe('links in docs/ and the README', () => {
  const docs = [join(ROOT, 'README.md'), ...walk(join(ROOT, 'docs')).filter((p) => p.endsWith('.md'))]

  test('every relative link resolves to a file, and every #anchor to a heading', () => {
    const broken: string[] = []
    for (const doc of docs) {
      readFileSync(doc, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const m of line.matchAll(/\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
            const target = m[1]!
            if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue
            const [file = '', anchor] = target.split('#')
            const path = file === '' ? doc : join(dirname(doc), file)
            const where = `${relative(ROOT, doc)}:${i + 1}`
            if (!existsSync(path)) broken.push(`${where} links to missing ${target}`)
            else if (anchor && path.endsWith('.md') && !headings(path).some((h) => anchorOf(h) === anchor)) {
              broken.push(`${where} links to ${target}, which has no such heading`)
            }
          }
        })
    }
    expect(broken).toEqual([])
  })

  test('every .md file a document names in its text is in the repository', () => {
    const missing: string[] = []
    for (const doc of docs) {
      readFileSync(doc, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const m of line.matchAll(MD_NAME)) {
            if (!isExternal(m[1]!, line) && resolveDoc(m[1]!, doc) === null) missing.push(`${relative(ROOT, doc)}:${i + 1} names ${m[1]}`)
          }
        })
    }
    expect(missing).toEqual([])
  })

  test('anchors are made as GitHub makes them', () => {
    expect(anchorOf('Login: code2session')).toBe('login-code2session')
    expect(anchorOf('The shared access_token (stable_token)')).toBe('the-shared-access_token-stable_token')
    expect(anchorOf('Results, errors and status codes')).toBe('results-errors-and-status-codes')
  })
})
