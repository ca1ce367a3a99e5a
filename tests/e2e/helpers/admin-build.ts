// dist-admin/ for the admin end-to-end test: built with Vite when missing or older than
// its sources (src/admin, src/core, the Vite config), so a stale build never gets tested.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '../../..')
export const ADMIN_DIST = path.join(ROOT, 'dist-admin')
const SOURCES = ['src/admin', 'src/core', 'config/vite.admin.ts'].map((p) => path.join(ROOT, p))

function newestMtime(p: string): number {
  const stat = fs.statSync(p)
  if (!stat.isDirectory()) return stat.mtimeMs
  return fs.readdirSync(p).reduce((max, name) => Math.max(max, newestMtime(path.join(p, name))), stat.mtimeMs)
}

export function ensureAdminBuild(): void {
  const index = path.join(ADMIN_DIST, 'index.html')
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs > Math.max(...SOURCES.map(newestMtime))) return
  const run = spawnSync(path.join(ROOT, 'node_modules/.bin/vite'), ['build', '--config', 'config/vite.admin.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    // NOTE: jest sets NODE_ENV=test, which Vite would honour with React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
    encoding: 'utf8',
    timeout: 300_000
  })
  if (run.status !== 0) throw new Error(`npm run build:admin failed (${run.status ?? run.signal}):\n${run.stdout}\n${run.stderr}`)
}
