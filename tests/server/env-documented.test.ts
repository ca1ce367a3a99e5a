// Every environment variable the code reads is documented for the people who set it:
// named (in backticks) in README.md or a file under docs/. The variables are found the
// way a reader would grep for them: process.env.X, env.X, env['X'], and the config
// helpers that take the name as their first argument (get('X'), port(env, 'X')…), and the keys of
// the server's zod env schema (`X: int(…)`, `X: text…`).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

const ROOT = join(__dirname, '../..')
// Set by the tools themselves, not by an operator.
const SET_BY_TOOLS = new Set(['NODE_ENV', 'TARO_ENV'])

const READS = [
  /process\.env\.([A-Z][A-Z0-9_]+)/g,
  /\benv\.([A-Z][A-Z0-9_]+)/g,
  /\benv\[['"]([A-Z][A-Z0-9_]+)['"]\]/g,
  /\b(?:get|int|url|required|port|numberEnv|readPem)\((?:env, )?'([A-Z][A-Z0-9_]+)'/g,
  /^\s+([A-Z][A-Z0-9_]+): (?:int|text|required|httpUrl|matching|pemFile|templates|trustProxy|z\.)/gm
]

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) return files(p)
    return /\.(ts|tsx|js|mjs)$/.test(name) ? [p] : []
  })
}

function variablesRead(): Map<string, string> {
  const found = new Map<string, string>()
  for (const file of [...files(join(ROOT, 'src')), ...files(join(ROOT, 'config'))]) {
    const text = readFileSync(file, 'utf8')
    for (const re of READS) for (const m of text.matchAll(re)) if (!found.has(m[1]!)) found.set(m[1]!, relative(ROOT, file))
  }
  for (const name of SET_BY_TOOLS) found.delete(name)
  return found
}

function markdown(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) return markdown(p)
    return name.endsWith('.md') ? [p] : []
  })
}

function documentation(): string {
  return [join(ROOT, 'README.md'), ...markdown(join(ROOT, 'docs'))].map((f) => readFileSync(f, 'utf8')).join('\n')
}

test('the scan finds the variables it should (a guard against a regex that matches nothing)', () => {
  const read = variablesRead()
  for (const name of ['PORT', 'DATABASE_URL', 'WECHAT_SECRET', 'WECHATPAY_PRIVATE_KEY_FILE', 'TRUST_PROXY', 'STATIC_DIR', 'SANDBOX_PORT', 'TARO_APP_API_BASE']) {
    expect(read.has(name)).toBe(true)
  }
})

test('every environment variable the code reads is documented in README.md or docs/', () => {
  const docs = documentation()
  // Named as code: `NAME` in prose or a table, or NAME=… in a shell example.
  const missing = [...variablesRead()].filter(([name]) => !docs.includes(`\`${name}\``) && !new RegExp(`\\b${name}=`).test(docs))
  expect(missing.map(([name, file]) => `${name} (read in ${file})`)).toEqual([])
})
