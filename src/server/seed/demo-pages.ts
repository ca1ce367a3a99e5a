/**
 * Three published content pages, each using every block type (hero, text,
 * image, product, product-grid, video, coupon, shop-the-look, carousel,
 * countdown, divider, quote), in the body shape the staff API takes, so they
 * pass the same validation as an editor's page. The countdowns name no
 * product (they count down to the season's next drop), so every demo
 * product stays on sale; a carousel slide links only to a page made before
 * it (a slide's page must exist when the page is saved).
 */
import type { SceneName } from './art/scenes'

export interface PageAssets {
  product(key: string): string
  scene(name: SceneName): string
  video: { src: string; poster: string }
  /** The demo coupon every page offers. */
  couponId: string
  /** When the pages' countdowns end (ISO with offset): the next drop, some days after seeding. */
  countdownUntil: string
}

export type DemoPageBody = {
  slug: string
  title: string
  blocks: Record<string, unknown>[]
  share: { title: string }
}

/** In the order they are published: the last is the newest, first in the shop's feed. */
export function demoPages(a: PageAssets): DemoPageBody[] {
  const video = { type: 'video', src: a.video.src, poster: a.video.poster }
  const coupon = { type: 'coupon', couponId: a.couponId }
  const divider = { type: 'divider' }
  const countdown = (title: string) => ({ type: 'countdown', until: a.countdownUntil, title })
  return [
    {
      slug: 'slow-living',
      title: '慢生活家居指南',
      share: { title: '把家过成喜欢的样子｜山茶家居指南' },
      blocks: [
        { type: 'hero', image: a.scene('home-hero'), title: '慢生活家居指南', subtitle: '一扇窗、一枝花、一盏烛光' },
        coupon,
        {
          type: 'text',
          text: '忙碌的一周过去，周末不必出门，也能把日子过得松弛一点。\n\n我们挑了几件每天都会用到的小物：靠着的抱枕、洗手时的香皂、夜里点亮的蜡烛。它们不贵，却能让家里的每个角落多一分温度。'
        },
        { type: 'image', image: a.scene('home-corner'), caption: '亚麻抱枕套、山茶籽油手工皂与雪松香薰蜡烛' },
        { type: 'product', productId: a.product('camellia-candle') },
        { type: 'text', text: '点一支蜡烛，关掉顶灯。烛光只照亮桌面的一小块，刚好够读几页书。' },
        video,
        {
          type: 'product-grid',
          title: '家居好物',
          productIds: ['linen-cushion', 'camellia-candle', 'stoneware-vase', 'cotton-towel', 'camellia-soap'].map(a.product)
        },
        divider,
        {
          type: 'shop-the-look',
          image: a.scene('home-corner'),
          title: '一角的布置',
          hotspots: [
            { x: 0.28, y: 0.55, productId: a.product('linen-cushion') },
            { x: 0.62, y: 0.48, productId: a.product('camellia-soap') },
            { x: 0.8, y: 0.4, productId: a.product('camellia-candle') }
          ]
        },
        { type: 'quote', text: '家不必大，住得舒服就好。', by: '山茶家居主理人' },
        {
          type: 'carousel',
          slides: [
            { image: a.scene('home-hero'), productId: a.product('stoneware-vase') },
            { image: a.scene('studio-wide'), productId: a.product('cotton-towel') }
          ]
        },
        countdown('秋冬家居上新倒计时')
      ]
    },
    {
      slug: 'tea-time',
      title: '一盏茶的时间',
      share: { title: '出门也要好好喝茶｜山茶茶器' },
      blocks: [
        { type: 'hero', image: a.scene('tea-hero'), title: '一盏茶的时间', subtitle: '德化白瓷与手作粗陶' },
        coupon,
        {
          type: 'text',
          text: '泡一壶茶大约需要三分钟。水要滚，杯要温，茶叶在壶里慢慢舒展。\n\n这三分钟，是一天里难得什么也不用想的时候。'
        },
        { type: 'product', productId: a.product('tea-set') },
        { type: 'image', image: a.scene('mug-trio'), caption: '手作粗陶马克杯：青瓷、奶白、墨黑' },
        { type: 'product', productId: a.product('stoneware-mug') },
        video,
        { type: 'text', text: '每一只杯子都由师傅手工拉坯，釉色在窑里自然流动，所以没有两只完全相同。' },
        {
          type: 'product-grid',
          title: '茶与器',
          productIds: ['tea-set', 'stoneware-mug', 'stoneware-vase', 'camellia-soap'].map(a.product)
        },
        { type: 'quote', text: '茶要慢慢喝，日子要慢慢过。' },
        {
          type: 'shop-the-look',
          image: a.scene('mug-trio'),
          title: '三只杯子',
          hotspots: [
            { x: 0.2, y: 0.55, productId: a.product('stoneware-mug') },
            { x: 0.75, y: 0.5, productId: a.product('tea-set') }
          ]
        },
        divider,
        {
          type: 'carousel',
          slides: [
            { image: a.scene('tea-hero'), productId: a.product('tea-set') },
            { image: a.scene('home-hero'), pageSlug: 'slow-living' }
          ]
        },
        countdown('新茶器到店倒计时')
      ]
    },
    {
      slug: 'spring-linen',
      title: '春日亚麻：把风穿在身上',
      share: { title: '今年春天，穿亚麻｜山茶新品' },
      blocks: [
        { type: 'hero', image: a.scene('linen-hero'), title: '春日亚麻', subtitle: '水洗亚麻新品，轻、透、松弛' },
        coupon,
        {
          type: 'text',
          text: '亚麻是最古老的织物之一。它吸湿、透气，洗过之后会变得越来越柔软。\n\n这一季我们选了法国诺曼底的亚麻纱，经过石洗，让衬衫和半身裙一上身就有被穿过很久的松弛感。'
        },
        { type: 'product', productId: a.product('linen-shirt') },
        { type: 'image', image: a.scene('linen-detail'), caption: '有机棉毛巾与刺绣帆布包，日常的好伙伴' },
        video,
        { type: 'text', text: '衬衫有燕麦、雾蓝、米白三色，半身裙有雾蓝与黛青。尺码偏宽松，平时穿 M 的可以选 S。' },
        {
          type: 'product-grid',
          title: '本季亚麻系列',
          productIds: ['linen-shirt', 'linen-skirt', 'canvas-tote', 'cotton-towel', 'linen-cushion'].map(a.product)
        },
        divider,
        {
          type: 'shop-the-look',
          image: a.scene('linen-hero'),
          title: '一身亚麻',
          hotspots: [
            { x: 0.5, y: 0.35, productId: a.product('linen-shirt') },
            { x: 0.5, y: 0.7, productId: a.product('linen-skirt') },
            { x: 0.78, y: 0.6, productId: a.product('canvas-tote') }
          ]
        },
        { type: 'quote', text: '亚麻的皱，是它最好看的地方。', by: '面料师' },
        {
          type: 'carousel',
          slides: [
            { image: a.scene('linen-detail'), productId: a.product('canvas-tote') },
            { image: a.scene('tea-hero'), pageSlug: 'tea-time' },
            { image: a.scene('home-hero'), pageSlug: 'slow-living' }
          ]
        },
        countdown('夏季亚麻上新倒计时')
      ]
    }
  ]
}
