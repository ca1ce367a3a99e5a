/**
 * The demo brand 山茶 on an empty database: staff (an admin and an editor),
 * 10 products with their SKUs and photos, and 3 published content pages
 * that use every block type. Everything goes through the server's own flows
 * (the same validation, ids and audit entries as staff edits), and the
 * pictures and the clip are drawn on this machine: no network.
 *
 * "Empty" means no product and no page: a database anyone has worked in is
 * never touched, so running the seed again adds nothing.
 *
 * Drawing takes seconds, writing well under one: everything is drawn first
 * (abortable between pictures, nothing written yet), then stored, so a
 * Ctrl-C during the slow part leaves the database empty for the next start.
 */
import { listPageRows } from '../db/repos/page-repo'
import { listProductRows } from '../db/repos/product-repo'
import type { Deps } from '../deps'
import { createProduct } from '../flows/catalog/create-product'
import { createPage } from '../flows/content/create-page'
import { createCoupon } from '../flows/coupons/admin-coupons'
import { publishPage } from '../flows/content/publish-page'
import { productInputSchema } from '../inputs/product-input'
import { productPhoto } from './art/product-photo'
import { scenePng, type SceneName } from './art/scenes'
import type { DemoProduct } from './demo-catalog'
import { DEMO_PRODUCTS } from './demo-catalog'
import { demoPages } from './demo-pages'
import { ensureDemoStaff, type SeededStaff } from './demo-staff'
import { storeImage, storeVideo } from './store-media'
import { demoVideoMp4, VIDEO_POSTER_SCENE } from './video/demo-video'

export type SeedReport =
  | { seeded: false; reason: string }
  | { seeded: true; staff: SeededStaff[]; products: number; skus: number; pages: string[]; media: number; video: string }

export interface SeedOptions {
  /** Aborts the drawing phase (before anything is written) with signal.reason. */
  signal?: AbortSignal
  /** Called after each picture (and the clip) is drawn, with how many are drawn so far. */
  onDrawn?: (count: number) => void
}

const SCENES: SceneName[] = ['linen-hero', 'tea-hero', 'home-hero', 'linen-detail', 'mug-trio', 'home-corner', VIDEO_POSTER_SCENE]

interface Drawn {
  photos: Map<DemoProduct, Buffer[]>
  scenes: Map<SceneName, Buffer>
  video: Buffer
}

export async function isEmptyForDemo(deps: Deps): Promise<boolean> {
  const products = await listProductRows(deps.db, { limit: 1 })
  const pages = await listPageRows(deps.db, { limit: 1 })
  return products.length === 0 && pages.length === 0
}

/** Every picture and the clip, in memory. Yields between pictures so a signal can be handled. */
async function drawAll(signal: AbortSignal | undefined, onDrawn: (count: number) => void = () => {}): Promise<Drawn> {
  let count = 0
  const step = async <T>(make: () => T): Promise<T> => {
    await new Promise((resolve) => setImmediate(resolve))
    signal?.throwIfAborted()
    const made = make()
    onDrawn(++count)
    return made
  }
  const photos = new Map<DemoProduct, Buffer[]>()
  for (const p of DEMO_PRODUCTS) {
    const list: Buffer[] = []
    for (const colour of p.photos) list.push(await step(() => productPhoto(p.art, colour, p.tint)))
    photos.set(p, list)
  }
  const scenes = new Map<SceneName, Buffer>()
  for (const name of SCENES) scenes.set(name, await step(() => scenePng(name)))
  const video = await step(() => demoVideoMp4())
  signal?.throwIfAborted()
  return { photos, scenes, video }
}

export async function seedDemoBrand(deps: Deps, opts: SeedOptions = {}): Promise<SeedReport> {
  const kept = { seeded: false as const, reason: 'the database already has products or pages' }
  if (!(await isEmptyForDemo(deps))) return kept
  const drawn = await drawAll(opts.signal, opts.onDrawn)
  // Another instance may have seeded while this one was drawing.
  if (!(await isEmptyForDemo(deps))) return kept

  const { adminId, staff } = await ensureDemoStaff(deps)
  let media = 0
  const image = async (png: Buffer) => {
    media++
    return storeImage(deps, adminId, png)
  }

  const productIds = new Map<string, string>()
  let skus = 0
  for (const p of DEMO_PRODUCTS) {
    const images: string[] = []
    for (const png of drawn.photos.get(p) ?? []) images.push(await image(png))
    // The staff API's own schema: the demo can hold nothing an editor could not type in.
    const input = productInputSchema.parse({ title: p.title, description: p.description, images, skus: p.skus })
    const product = await createProduct(deps, adminId, input)
    productIds.set(p.key, product.id)
    skus += product.skus.length
  }

  const scenes = new Map<SceneName, string>()
  for (const [name, png] of drawn.scenes) scenes.set(name, await image(png))
  const scene = (name: SceneName) => {
    const path = scenes.get(name)
    if (!path) throw new Error(`demo seed: scene ${name} was not drawn`)
    return path
  }
  const video = await storeVideo(deps, adminId, drawn.video)
  media++

  // A coupon every demo page offers: ¥20 off from ¥199, for 90 days, 500 in all, one each.
  const now = deps.clock.now().getTime()
  const coupon = await createCoupon(deps, adminId, {
    title: '新客立减',
    kind: 'amount_off',
    amountOffFen: 2000,
    minSpendFen: 19900,
    startsAt: new Date(now).toISOString(),
    endsAt: new Date(now + 90 * 24 * 3600 * 1000).toISOString(),
    total: 500,
    perUser: 1
  })
  if (!coupon.ok) throw new Error(`demo seed: the coupon was refused: ${coupon.error.code} ${coupon.error.message}`)

  // The countdowns end two weeks after seeding, at 10:00 China time.
  const drop = new Date(now + 14 * 24 * 3600 * 1000 + 8 * 3600 * 1000).toISOString().slice(0, 10)
  const bodies = demoPages({
    couponId: coupon.value.id,
    countdownUntil: `${drop}T10:00:00+08:00`,
    product: (key) => {
      const id = productIds.get(key)
      if (!id) throw new Error(`demo seed: page refers to unknown product ${key}`)
      return id
    },
    scene,
    video: { src: video, poster: scene(VIDEO_POSTER_SCENE) }
  })
  for (const body of bodies) {
    const page = await createPage(deps, adminId, body)
    if (!page.ok) throw new Error(`demo seed: page ${body.slug} was refused: ${page.error.code} ${page.error.message} ${JSON.stringify(page.error.details)}`)
    const published = await publishPage(deps, adminId, page.value.id, undefined)
    if (!published.ok) throw new Error(`demo seed: page ${body.slug} did not publish: ${published.error.message}`)
  }
  return { seeded: true, staff, products: productIds.size, skus, pages: bodies.map((b) => b.slug), media, video }
}
