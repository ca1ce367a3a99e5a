// `npm run bench`: runs every benchmark under tests/bench and prints their figures.
import fs from 'node:fs'
import path from 'node:path'

async function main() {
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.bench.ts')).sort()
  if (files.length === 0) throw new Error('no benchmarks found in tests/bench')
  for (const file of files) {
    console.log(`\n### ${file}`)
    const mod = await import(path.join(__dirname, file))
    if (typeof mod.run !== 'function') throw new Error(`${file} must export run()`)
    await mod.run()
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
