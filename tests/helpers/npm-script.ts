/**
 * What an npm script in package.json runs, when it is `node …`: the node
 * arguments, so a test or bench spawns `process.execPath` with exactly them
 * (no npm and sh in between, whose exit status after a signal is their own)
 * and follows package.json when the loader or a flag there changes.
 */
import fs from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '../..')

export function nodeArgsOf(script: string): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  const line = pkg.scripts[script]
  if (!line) throw new Error(`package.json has no "${script}" script`)
  const [command, ...args] = line.trim().split(/\s+/)
  if (command !== 'node') throw new Error(`npm run ${script} is "${line}"; expected "node …"`)
  return args
}
