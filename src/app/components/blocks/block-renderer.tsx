// Renders a content page's blocks (docs/api.md "Content blocks"). The list has been
// through core's lenient parser, so every block here is one this app knows; a type
// added to core before this switch learns it renders nothing (default), never a crash.
import { View } from '@tarojs/components'
import type { Product } from '@core/catalog'
import type { Block } from '@core/content'
import { CouponBlockView, type CouponActions } from './coupon-block'
import { HeroBlockView } from './hero-block'
import { ImageBlockView } from './image-block'
import { MissingProduct, ProductCard, type ProductActions } from './product-card'
import { ProductGridBlockView } from './product-grid-block'
import { TextBlockView } from './text-block'
import { VideoBlockView } from './video-block'
import './blocks.css'

type Props = { blocks: readonly Block[]; products: Record<string, Product> } & ProductActions & CouponActions

export function BlockRenderer({ blocks, products, coupons, onClaim, onOpenCoupons, ...actions }: Props) {
  return (
    <View className='blocks'>
      {blocks.map((block, i) => {
        const key = `${i}-${block.type}`
        switch (block.type) {
          case 'hero':
            return <HeroBlockView key={key} block={block} />
          case 'text':
            return <TextBlockView key={key} block={block} />
          case 'image':
            return <ImageBlockView key={key} block={block} />
          case 'video':
            return <VideoBlockView key={key} block={block} />
          case 'product': {
            const product = products[block.productId]
            return product ? <ProductCard key={key} product={product} {...actions} /> : <MissingProduct key={key} />
          }
          case 'product-grid':
            return <ProductGridBlockView key={key} block={block} products={products} {...actions} />
          case 'coupon':
            return (
              <CouponBlockView
                key={key}
                block={block}
                info={coupons?.[block.couponId]}
                readOnly={actions.readOnly}
                onClaim={onClaim}
                onOpenCoupons={onOpenCoupons}
              />
            )
          default:
            return null
        }
      })}
    </View>
  )
}
