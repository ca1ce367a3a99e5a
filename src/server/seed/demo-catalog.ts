/**
 * 山茶's demo catalog: homeware and linen apparel, Chinese copy, prices in
 * fen, stock from plenty to low to one sold-out SKU, and one photo per
 * colour, drawn locally (art/product-photo.ts).
 */
import type { Rgb } from './art/canvas'
import { PALETTE } from './art/palette'
import type { ArtKind } from './art/product-photo'

export interface DemoSku {
  attrs: Record<string, string>
  priceFen: number
  stock: number
}

export interface DemoProduct {
  /** How pages refer to it before it has an id. */
  key: string
  title: string
  description: string
  art: ArtKind
  /** Backdrop tint of its photos. */
  tint: Rgb
  /** One photo per colour, the first is the cover. */
  photos: Rgb[]
  skus: DemoSku[]
}

/** Every combination of the axes, priced and stocked by `make`. */
function matrix(axes: Record<string, string[]>, make: (attrs: Record<string, string>, i: number) => Omit<DemoSku, 'attrs'>): DemoSku[] {
  let combos: Record<string, string>[] = [{}]
  for (const [name, values] of Object.entries(axes)) {
    combos = combos.flatMap((c) => values.map((v) => ({ ...c, [name]: v })))
  }
  return combos.map((attrs, i) => ({ attrs, ...make(attrs, i) }))
}

const SIZE_STOCK: Record<string, number> = { S: 18, M: 42, L: 35, XL: 9 }

export const DEMO_PRODUCTS: DemoProduct[] = [
  {
    key: 'linen-shirt',
    title: '水洗亚麻短袖衬衫',
    description:
      '100% 法国亚麻，石洗工艺让布面柔软、自带自然褶皱，越穿越服帖。\n\n宽松落肩版型，胸前贴袋，天然贝壳扣。模特身高 168cm，穿 M 码。\n\n建议冷水手洗或洗衣袋轻柔洗，平铺晾干。',
    art: 'shirt',
    tint: PALETTE.sage,
    photos: [PALETTE.oat, PALETTE.mist, PALETTE.milk],
    skus: matrix({ 颜色: ['燕麦', '雾蓝', '米白'], 尺码: ['S', 'M', 'L', 'XL'] }, (a) => ({
      priceFen: 32900,
      // 雾蓝 XL sold out: the shop shows it greyed and refuses it at checkout.
      stock: a['颜色'] === '雾蓝' && a['尺码'] === 'XL' ? 0 : SIZE_STOCK[a['尺码']!]! - (a['颜色'] === '米白' ? 6 : 0)
    }))
  },
  {
    key: 'linen-skirt',
    title: '亚麻百褶半身裙',
    description: '高腰 A 字廓形，三道压褶让裙摆行走间自然摆动。亚麻棉混纺，垂而不皱。\n\n侧边隐形拉链，腰头内侧松紧，裙长 78cm。',
    art: 'skirt',
    tint: PALETTE.blush,
    photos: [PALETTE.mist, PALETTE.indigo],
    skus: matrix({ 颜色: ['雾蓝', '黛青'], 尺码: ['S', 'M', 'L'] }, (a) => ({
      priceFen: 36900,
      stock: a['尺码'] === 'M' ? 26 : a['颜色'] === '黛青' && a['尺码'] === 'L' ? 3 : 14
    }))
  },
  {
    key: 'canvas-tote',
    title: '山茶刺绣帆布托特包',
    description: '12 安士厚帆布，手工刺绣山茶花标。内置拉链小袋，可放下 14 寸笔记本。\n\n尺寸：宽 38cm × 高 40cm × 底 12cm，肩带长 62cm。',
    art: 'tote',
    tint: PALETTE.sage,
    photos: [PALETTE.natural, PALETTE.pine],
    skus: matrix({ 颜色: ['原色', '松绿'] }, (_a, i) => ({ priceFen: 12800, stock: i === 0 ? 120 : 48 }))
  },
  {
    key: 'cotton-towel',
    title: '有机棉毛巾',
    description: 'GOTS 认证有机棉，32 支长绒纱，吸水快、不掉毛。边缘一道提花织带，简单耐看。\n\n面巾 34×76cm，浴巾 70×140cm。',
    art: 'towels',
    tint: PALETTE.cream,
    photos: [PALETTE.blush, PALETTE.moon, PALETTE.sage],
    skus: matrix({ 规格: ['面巾', '浴巾'], 颜色: ['雾粉', '月白', '松绿'] }, (a) => ({
      priceFen: a['规格'] === '面巾' ? 5900 : 12900,
      stock: a['规格'] === '面巾' ? 80 : a['颜色'] === '松绿' ? 4 : 36
    }))
  },
  {
    key: 'linen-cushion',
    title: '亚麻抱枕套',
    description: '与衬衫同一匹亚麻布，滚边收口、隐形拉链。只含枕套，可另配羽绒枕芯。',
    art: 'cushion',
    tint: PALETTE.blush,
    photos: [PALETTE.mist, PALETTE.oat],
    skus: matrix({ 颜色: ['雾蓝', '燕麦'], 尺寸: ['45×45cm', '50×50cm'] }, (a) => ({
      priceFen: a['尺寸'] === '45×45cm' ? 12900 : 14900,
      stock: a['颜色'] === '燕麦' ? 30 : 22
    }))
  },
  {
    key: 'stoneware-mug',
    title: '手作粗陶马克杯',
    description: '景德镇窑口手工拉坯，杯底保留素烧的陶土肌理。容量 350ml，可用洗碗机与微波炉。\n\n手作器物，每只釉色略有不同。',
    art: 'mug',
    tint: PALETTE.cream,
    photos: [PALETTE.celadon, PALETTE.milk, PALETTE.charcoal],
    skus: matrix({ 颜色: ['青瓷', '奶白', '墨黑'] }, (_a, i) => ({ priceFen: 8900, stock: [64, 51, 7][i]! }))
  },
  {
    key: 'tea-set',
    title: '白瓷旅行茶具',
    description: '德化白瓷，一壶配杯，壶嘴出水利落不挂水。附棉麻收纳袋，出门喝茶不将就。\n\n壶 200ml，杯 60ml。',
    art: 'tea-set',
    tint: PALETTE.mist,
    photos: [PALETTE.milk, PALETTE.celadon],
    skus: matrix({ 规格: ['一壶两杯', '一壶四杯'] }, (_a, i) => ({ priceFen: [39800, 52800][i]!, stock: [25, 12][i]! }))
  },
  {
    key: 'stoneware-vase',
    title: '粗陶小口花瓶',
    description: '细口圆腹，插一枝山茶或几根枝条都好看。内壁施釉可盛水。\n\n小号高 16cm，大号高 24cm。',
    art: 'vase',
    tint: PALETTE.cream,
    photos: [PALETTE.charcoal, PALETTE.celadon],
    skus: matrix({ 颜色: ['墨黑', '青瓷'], 尺寸: ['小号', '大号'] }, (a) => ({
      priceFen: a['尺寸'] === '小号' ? 16800 : 26800,
      stock: a['尺寸'] === '小号' ? 40 : 15
    }))
  },
  {
    key: 'camellia-candle',
    title: '山茶花香薰蜡烛',
    description: '天然大豆蜡与木芯，燃烧时有细微的噼啪声。山茶花香清甜，雪松香沉静。\n\n180g 约燃烧 40 小时，300g 约 65 小时。',
    art: 'candle',
    tint: PALETTE.blush,
    photos: [PALETTE.camellia, PALETTE.pine],
    skus: matrix({ 香型: ['山茶花', '雪松'], 规格: ['180g', '300g'] }, (a) => ({
      priceFen: a['规格'] === '180g' ? 15800 : 22800,
      stock: a['香型'] === '山茶花' ? 55 : 20
    }))
  },
  {
    key: 'camellia-soap',
    title: '山茶籽油手工皂',
    description: '冷制工艺，熟成 6 周。山茶籽油与乳木果油滋润不紧绷，洗脸洗手都合适。\n\n单块 100g。',
    art: 'soap',
    tint: PALETTE.cream,
    photos: [PALETTE.blush],
    skus: matrix({ 规格: ['单块', '三块礼盒'] }, (_a, i) => ({ priceFen: [3800, 9900][i]!, stock: [200, 60][i]! }))
  }
]
