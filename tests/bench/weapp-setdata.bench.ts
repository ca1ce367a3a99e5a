/**
 * The content page's setData payloads in the mini-program (dist/ from `npm run
 * build:weapp`, run in Node by tests/e2e/helpers/weapp-harness.ts, which records
 * every payload's size): a long page (22 blocks over 16 products, each with three
 * SKUs) read from a real backend (SQLite, in this process), until its last block's
 * text is drawn. Figures: the largest payload (WeChat's limit is 256 KB a call),
 * the sum over the first screen and the number of calls.
 *
 *   npm run bench -- weapp-setdata
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildApp } from '../../src/server/app'
import { loadConfig } from '../../src/server/config'
import { openDatabase } from '../../src/server/db/database'
import { migrateToLatest } from '../../src/server/db/migrate'
import { createProduct } from '../../src/server/flows/catalog/create-product'
import { createPage } from '../../src/server/flows/content/create-page'
import { publishPage } from '../../src/server/flows/content/publish-page'
import { BUILT_API_BASE } from '../e2e/helpers/api-bridge'
import { loadWeapp, textsOf } from '../e2e/helpers/weapp-harness'
import { poll } from '../helpers/poll'
import { row, type BenchRow } from './bench-row'

const DIST = path.resolve(__dirname, '../../dist')
const SLUG = 'long-read'
const LIMIT_KB = 256

export async function run(): Promise<BenchRow[]> {
  if (!fs.existsSync(path.join(DIST, 'app.js'))) throw new Error(`${DIST}/app.js missing: run \`npm run build:weapp\` first`)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-setdata-'))
  const config = loadConfig({ WECHAT_APPID: 'wx-bench', WECHAT_SECRET: 'bench-secret', DATABASE_URL: `sqlite:${path.join(dir, 'shop.db')}`, MEDIA_DIR: path.join(dir, 'media') })
  const database = openDatabase(config.databaseUrl)
  await migrateToLatest(database)
  const app = await buildApp({ config, db: database, log: { level: 'silent' } })
  let weapp: ReturnType<typeof loadWeapp> | undefined
  try {
    const ids: string[] = []
    for (let i = 0; i < 16; i++) {
      const p = await createProduct(app.deps, 'bench', {
        title: `长文商品 ${i}：一件很好的亚麻衬衫`,
        description: '基准测试商品。'.repeat(20),
        images: [`/media/p${i}-a.jpg`, `/media/p${i}-b.jpg`, `/media/p${i}-c.jpg`],
        skus: ['S', 'M', 'L'].map((size, k) => ({ attrs: { 颜色: '米白', 尺码: size }, priceFen: 29900 + i * 100 + k, stock: 20 }))
      })
      ids.push(p.id)
    }
    const blocks = [
      { type: 'hero', image: '/media/hero.jpg', title: '长文', subtitle: '很多商品' },
      ...ids.slice(0, 8).flatMap((id, i) => [
        { type: 'text', text: `第 ${i + 1} 段。${'这一段讲一件衣服的来历。'.repeat(12)}` },
        { type: 'product', productId: id }
      ]),
      { type: 'product-grid', productIds: ids, title: '全部 16 件' },
      { type: 'quote', text: '穿得舒服，才是好看。', by: '主理人' },
      { type: 'divider' },
      { type: 'image', image: '/media/look.jpg', caption: '尾声' },
      { type: 'text', text: '全文完' }
    ]
    const page = await createPage(app.deps, 'bench', { slug: SLUG, title: '长文', blocks })
    if (!page.ok) throw new Error(`bench page refused: ${page.error.code} ${JSON.stringify(page.error.details)}`)
    const published = await publishPage(app.deps, 'bench', page.value.id, undefined)
    if (!published.ok) throw new Error(`bench publish failed: ${published.error.code}`)
    const apiUrl = await app.listen({ port: 0, host: '127.0.0.1' })

    weapp = loadWeapp({ distDir: DIST, builtApiBase: BUILT_API_BASE, apiBase: apiUrl })
    const content = weapp.openPage('pages/content/index', { slug: SLUG })
    await poll(() => textsOf(content.data.root).includes('全文完'), { what: 'the last block', timeoutMs: 60_000 })
    const sizes = weapp.setDataSizes.filter((s) => s.route === 'pages/content/index').map((s) => s.bytes)
    const largestKb = Math.round((Math.max(...sizes) / 1024) * 10) / 10
    const totalKb = Math.round((sizes.reduce((a, b) => a + b, 0) / 1024) * 10) / 10
    console.log(`weapp-setdata: content page, ${blocks.length} blocks over ${ids.length} products: ${sizes.length} setData calls, largest ${largestKb} KB, ${totalKb} KB in all`)
    return [
      row('content page largest setData', largestKb, 'KB', { atMost: LIMIT_KB }),
      row('content page setData, first screen in all', totalKb, 'KB'),
      row('content page setData calls', sizes.length, 'calls'),
      row('weapp platform violations', weapp.violations.length, 'violations', { atMost: 0 })
    ]
  } finally {
    weapp?.close()
    await app.close()
    await database.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

if (require.main === module) {
  run().catch((e: unknown) => {
    console.error(e)
    process.exit(1)
  })
}
