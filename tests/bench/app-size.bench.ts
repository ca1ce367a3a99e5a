// The weapp package sizes (dist/ from `npm run build:weapp`): the main package, each
// subpackage and the total, judged against the 600 KB budget of the main package
// (WeChat's own limit is 2 MB a package).
import fs from 'node:fs'
import path from 'node:path'

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

export async function run() {
  const sizes = measure()
  console.log(`weapp main package: ${kb(sizes.main)} (budget ${kb(MAIN_BUDGET_BYTES)}, ratio ${(sizes.main / MAIN_BUDGET_BYTES).toFixed(3)})`)
  for (const [root, bytes] of Object.entries(sizes.subpackages)) console.log(`weapp subpackage ${root}: ${kb(bytes)}`)
  console.log(`weapp total: ${kb(sizes.total)}`)
  if (sizes.main > MAIN_BUDGET_BYTES) throw new Error(`the main package is ${kb(sizes.main)}, over the ${kb(MAIN_BUDGET_BYTES)} budget: move pages to subpackages or trim imports`)
}
