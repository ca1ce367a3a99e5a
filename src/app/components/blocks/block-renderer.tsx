// Renders a content page's blocks (docs/api.md "Content blocks"). The list has been
// through core's lenient parser, so every block here is one this app knows; a type
// added to core before this switch learns it renders nothing (default), never a crash.
// Each block sits in a frame (id blk-<index>, the block's index in the saved page) that
// block views are observed on, and every action names the block it came from.
import { Fragment } from 'react'
import { View } from '@tarojs/components'
import type { Product } from '@core/catalog'
import type { Block, Slide } from '@core/content'
import { BLOCK_FRAME_CLASS, blockFrameId, type BlockRef } from '../../hooks/use-block-views'
import { useLaunches } from '../../hooks/use-launches'
import { CarouselBlockView } from './carousel-block'
import { CountdownBlockView, type ReminderState } from './countdown-block'
import { CouponBlockView, type CouponActions } from './coupon-block'
import { HeroBlockView } from './hero-block'
import { ImageBlockView } from './image-block'
import { MissingProduct, ProductCard } from './product-card'
import { ProductGridBlockView } from './product-grid-block'
import { DividerBlockView, QuoteBlockView } from './rhythm-blocks'
import { ShopTheLookBlockView } from './shop-the-look-block'
import { TextBlockView } from './text-block'
import { VideoBlockView } from './video-block'
import './blocks.css'

export type BlockActions = {
  /** Moments single-page mode: show, never sell. */
  readOnly?: boolean
  /** A product's add-to-cart (the SKU picker). */
  onBuy?: (product: Product, from: BlockRef) => void
  /** A product's page. */
  onOpen?: (product: Product, from: BlockRef) => void
  /** A hotspot of a look: the product is viewed and its SKU picker opens in place. */
  onPick?: (product: Product, from: BlockRef) => void
  /** A carousel slide that links to a product or a page. */
  onOpenSlide?: (slide: Slide, from: BlockRef) => void
  /** 开售提醒 of a countdown, and where each product's reminder stands. */
  onRemind?: (productId: string, from: BlockRef) => void
  reminders?: Record<string, ReminderState>
}

type Props = {
  blocks: readonly Block[]
  products: Record<string, Product>
  /** indexes[i]: the saved index of blocks[i] (the parser skips what it does not know); i when absent. */
  indexes?: readonly number[]
  /** productId → launch time of products not on sale yet; from the blocks' countdowns when absent. */
  launches?: Record<string, string>
  /** The container's id: block views are observed inside it. */
  id?: string
} & BlockActions &
  CouponActions

export function BlockRenderer({ blocks, products, indexes, launches: given, id, coupons, onClaim, onOpenCoupons, reminders = {}, ...actions }: Props) {
  const own = useLaunches(blocks)
  const launches = given ?? own
  const { readOnly } = actions
  return (
    <View className='blocks' id={id}>
      {blocks.map((block, i) => {
        const index = indexes?.[i] ?? i
        const from: BlockRef = { blockIndex: index, blockType: block.type }
        const buy = (p: Product) => actions.onBuy?.(p, from)
        const open = (p: Product) => actions.onOpen?.(p, from)
        const body = renderBlock(block)
        return body === null ? (
          <Fragment key={`${index}-${block.type}`} />
        ) : (
          <View key={`${index}-${block.type}`} id={blockFrameId(index)} className={`${BLOCK_FRAME_CLASS} blk-frame--${block.type}`}>
            {body}
          </View>
        )

        function renderBlock(b: Block) {
          switch (b.type) {
            case 'hero':
              return <HeroBlockView block={b} />
            case 'text':
              return <TextBlockView block={b} />
            case 'image':
              return <ImageBlockView block={b} />
            case 'video':
              return <VideoBlockView block={b} />
            case 'product': {
              const product = products[b.productId]
              return product ? <ProductCard product={product} readOnly={readOnly} onBuy={buy} onOpen={open} launchAt={launches[product.id]} /> : <MissingProduct />
            }
            case 'product-grid':
              return <ProductGridBlockView block={b} products={products} readOnly={readOnly} onBuy={buy} onOpen={open} launches={launches} />
            case 'coupon':
              return <CouponBlockView block={b} info={coupons?.[b.couponId]} readOnly={readOnly} onClaim={onClaim} onOpenCoupons={onOpenCoupons} />
            case 'shop-the-look':
              return <ShopTheLookBlockView block={b} products={products} launches={launches} readOnly={readOnly} onPick={(p) => (actions.onPick ?? actions.onBuy)?.(p, from)} />
            case 'carousel':
              return <CarouselBlockView block={b} readOnly={readOnly} onOpenSlide={(slide) => actions.onOpenSlide?.(slide, from)} />
            case 'countdown':
              return (
                <CountdownBlockView
                  block={b}
                  product={b.productId ? products[b.productId] : undefined}
                  readOnly={readOnly}
                  reminder={b.productId ? reminders[b.productId] : undefined}
                  onRemind={(productId) => actions.onRemind?.(productId, from)}
                  onBuy={buy}
                />
              )
            case 'divider':
              return <DividerBlockView />
            case 'quote':
              return <QuoteBlockView block={b} />
            default:
              return null
          }
        }
      })}
    </View>
  )
}
