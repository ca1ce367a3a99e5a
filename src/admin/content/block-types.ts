/** The block types staff can add, their names in the editor, and an empty block of each. */
import type { BlockType } from '@core/content'
import type { DraftBlock } from './page-draft'

export const BLOCK_LABELS: Record<BlockType, string> = {
  hero: '头图',
  text: '文字',
  image: '图片',
  product: '商品',
  'product-grid': '商品组',
  video: '视频',
  coupon: '优惠券',
  'shop-the-look': '搭配购',
  carousel: '轮播图',
  countdown: '倒计时',
  divider: '分隔线',
  quote: '引文'
}

export const ADDABLE: BlockType[] = ['hero', 'text', 'image', 'product', 'product-grid', 'video', 'coupon', 'shop-the-look', 'carousel', 'countdown', 'divider', 'quote']

export function emptyBlock(type: BlockType): DraftBlock {
  switch (type) {
    case 'hero':
      return { type, image: '', title: '', subtitle: '' }
    case 'text':
      return { type, text: '' }
    case 'image':
      return { type, image: '', caption: '' }
    case 'product':
      return { type, productId: '' }
    case 'product-grid':
      return { type, productIds: [], title: '' }
    case 'video':
      return { type, src: '', poster: '' }
    case 'coupon':
      return { type, couponId: '' }
    case 'shop-the-look':
      return { type, image: '', title: '', hotspots: [] }
    case 'carousel':
      return { type, slides: [] }
    case 'countdown':
      return { type, until: '', title: '' }
    case 'divider':
      return { type }
    case 'quote':
      return { type, text: '', by: '' }
  }
}

export function labelOf(type: string): string {
  return (BLOCK_LABELS as Record<string, string>)[type] ?? `未知模块（${type}）`
}
