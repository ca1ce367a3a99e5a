/** The block `npm start` ends with: every URL, both logins, where things are. */
import { existsSync } from 'node:fs'
import { join, relative } from 'node:path'
import { listStaff } from '../../server/db/repos/staff-repo'
import type { Deps } from '../../server/deps'
import { DEMO_ADMIN, DEMO_EDITOR } from '../../server/seed/demo-staff'
import type { BuildOutcome } from './builds'
import type { StartOptions } from './options'

export interface SummaryInput {
  o: StartOptions
  deps: Deps
  apiUrl: string
  sandboxUrl: string
  builds: BuildOutcome[]
}

/** Who can log in, with a password only when it is a demo one we know. */
async function logins(deps: Deps): Promise<string[]> {
  const staff = (await listStaff(deps.db)).filter((s) => s.active === 1)
  const configured = deps.config.admin?.email
  const lines = staff.slice(0, 4).map((s) => {
    const password =
      s.email === DEMO_ADMIN.email ? DEMO_ADMIN.password
      : s.email === DEMO_EDITOR.email ? DEMO_EDITOR.password
      : s.email === configured ? '(your ADMIN_PASSWORD)'
      : '(password set earlier)'
    return `      ${s.role.padEnd(7)} ${s.email.padEnd(26)} ${password}`
  })
  if (staff.length > 4) lines.push(`      … and ${staff.length - 4} more staff accounts`)
  return lines.length > 0 ? lines : ['      (no staff account: set ADMIN_EMAIL and ADMIN_PASSWORD and start again)']
}

function siteNote(outcome: BuildOutcome | undefined, root: string, marker: string): string {
  if (!existsSync(join(root, marker))) {
    return outcome?.status === 'failed' ? `   ✗ build failed, see ${outcome.log}` : `   ✗ not built (${marker} missing): start without --skip-builds`
  }
  switch (outcome?.status) {
    case 'failed':
      return `   ✗ build failed (serving the previous build), see ${outcome.log}`
    case 'skipped':
      return '   (--skip-builds: the existing build)'
    case 'stopped':
      return '   (build stopped)'
    default:
      return ''
  }
}

export async function summary(s: SummaryInput): Promise<string> {
  // Paths inside the repository read short; others (a DATA_DIR elsewhere) stay absolute.
  const rel = (p: string) => (p.startsWith(s.o.root + '/') ? relative(s.o.root, p) : p)
  const by = (name: BuildOutcome['name']) => s.builds.find((b) => b.name === name)
  const rule = '─'.repeat(72)
  return [
    rule,
    ' 山茶 · the demo is running',
    `  商城 H5 (shop preview)  ${s.apiUrl}/${siteNote(by('h5'), s.o.root, 'dist-h5/index.html')}`,
    `  管理后台 (admin web)    ${s.apiUrl}/admin/${siteNote(by('admin'), s.o.root, 'dist-admin/index.html')}`,
    ...(await logins(s.deps)),
    `  backend API             ${s.apiUrl}/api/v1/pages   health ${s.apiUrl}/healthz`,
    `  WeChat sandbox          ${s.sandboxUrl}   pay page ${s.sandboxUrl}/pay, keys in ${rel(s.o.keysDir)}/`,
    `  WeChat DevTools         open ${s.o.root} (project.config.json → dist/)${siteNote(by('weapp'), s.o.root, 'dist/app.json')}`,
    `  data                    ${s.o.databaseUrl.startsWith('sqlite:') ? `SQLite ${rel(s.o.databaseUrl.slice(7))}` : 'DATABASE_URL'}, media in ${rel(s.o.mediaDir)}/, logs in ${rel(s.o.logDir)}/`,
    rule,
    'Ready. Ctrl-C stops everything; the next start keeps the data.'
  ].join('\n')
}
