// The weapp package sizes (dist/ from `npm run build:weapp`): the main package, each
// subpackage and the total, judged against the 600 KB budget of the main package
// (WeChat's own limit is 2 MB a package). run() answers the rows `npm run bench` tabulates.
import fs from 'node:fs'
import path from 'node:path'
import { row, type BenchRow } from './bench-row'

export const MAIN_BUDGET_BYTES = 600 * 1024
const DIST = path.resolve(__dirname, '../../dist')

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    return e.isDirectory() ? filesUnder(full) : [full]
  })
}

/** What WeChat uploads: everything but the DevTools project file and license notes. */
function counts(file: string): boolean {
  const name = path.basename(file)
  return name !== 'project.config.json' && name !== 'project.private.config.json' && !name.endsWith('.LICENSE.txt') && !name.endsWith('.map')
}

export function measure(dist = DIST) {
  const appJson = path.join(dist, 'app.json')
  if (!fs.existsSync(appJson)) throw new Error(`${appJson} missing: run \`npm run build:weapp\` first`)
  const roots: string[] = (JSON.parse(fs.readFileSync(appJson, 'utf8')).subPackages ?? []).map((p: { root: string }) => p.root.replace(/\/+$/, ''))
  const sizes = { main: 0, subpackages: Object.fromEntries(roots.map((r) => [r, 0])) as Record<string, number> }
  for (const file of filesUnder(dist).filter(counts)) {
    const rel = path.relative(dist, file).split(path.sep).join('/')
    const root = roots.find((r) => rel.startsWith(`${r}/`))
    const bytes = fs.statSync(file).size
    if (root) sizes.subpackages[root] += bytes
    else sizes.main += bytes
  }
  const total = sizes.main + Object.values(sizes.subpackages).reduce((a, b) => a + b, 0)
  return { ...sizes, total }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const kbValue = (bytes: number) => Math.round((bytes / 1024) * 10) / 10

/** WeChat's limits: 2 MB for any one package, 20 MB for all packages together. */
const PACKAGE_LIMIT_KB = 2048
const TOTAL_LIMIT_KB = 20 * 1024

export async function run(): Promise<BenchRow[]> {
  const sizes = measure()
  console.log(`weapp main package: ${kb(sizes.main)} (budget ${kb(MAIN_BUDGET_BYTES)}, ratio ${(sizes.main / MAIN_BUDGET_BYTES).toFixed(3)})`)
  for (const [root, bytes] of Object.entries(sizes.subpackages)) console.log(`weapp subpackage ${root}: ${kb(bytes)}`)
  console.log(`weapp total: ${kb(sizes.total)}`)
  return [
    row('weapp main package', kbValue(sizes.main), 'KB', { atMost: MAIN_BUDGET_BYTES / 1024 }),
    ...Object.entries(sizes.subpackages).map(([root, bytes]) => row(`weapp subpackage ${root}`, kbValue(bytes), 'KB', { atMost: PACKAGE_LIMIT_KB })),
    row('weapp total', kbValue(sizes.total), 'KB', { atMost: TOTAL_LIMIT_KB })
  ]
}

if (require.main === module) {
  run()
    .then((rows) => {
      const over = rows.find((r) => r.ratio !== null && r.ratio > 1)
      if (over) throw new Error(`${over.figure} is ${over.value} KB, over its ${over.target} KB budget: move pages to subpackages or trim imports`)
    })
    .catch((e: unknown) => {
      console.error(e)
      process.exit(1)
    })
}
