import { Image, Text, View } from '@tarojs/components'
import { priceRange, type Product } from '@core/catalog'
import type { ShopTheLookBlock } from '@core/content'
import { PriceFrom } from '../price'

type Props = {
  block: ShopTheLookBlock
  products: Record<string, Product>
  /** productId → launch time, for products not on sale yet. */
  launches?: Record<string, string>
  readOnly?: boolean
  onPick?: (product: Product) => void
}

/** A hotspot placed in the live preview before staff picked its product (never saved: the schema refuses it). */
export const PENDING_PRODUCT = '__pending'

const percent = (f: number) => `${Math.round(f * 10000) / 100}%`

/**
 * A lookbook image with a dot on each product, placed by fractions of the image
 * so it holds on every screen; a tap opens that product's SKU picker in place.
 * Under the image, the products of the look as a list (easier to hit than a dot).
 */
export function ShopTheLookBlockView({ block, products, launches = {}, readOnly, onPick }: Props) {
  const spots = block.hotspots.map((spot, i) => ({ spot, i, product: products[spot.productId] }))
  const shown = spots.filter((s, k) => s.product && spots.findIndex((o) => o.spot.productId === s.spot.productId) === k)
  const tap = (product: Product | undefined) => {
    if (!readOnly && product) onPick?.(product)
  }
  return (
    <View className='blk-look' aria-label={block.title ? `搭配：${block.title}` : '搭配'}>
      {block.title ? <Text className='blk-look__title'>{block.title}</Text> : null}
      <View className='blk-look__stage'>
        <Image className='blk-look__image' src={block.image} mode='widthFix' lazyLoad aria-label={block.title || '搭配图'} />
        {spots.map(({ spot, i, product }) => (
          <View
            key={i}
            className={`blk-look__dot${product ? '' : ' blk-look__dot--gone'}`}
            style={{ left: percent(spot.x), top: percent(spot.y) }}
            aria-role='button'
            aria-label={`商品点 ${i + 1}：${product ? product.title : spot.productId === PENDING_PRODUCT ? '待选商品' : '已下架'}`}
            aria-disabled={!product || readOnly}
            onClick={() => tap(product)}
          >
            <View className='blk-look__dot-core' />
          </View>
        ))}
      </View>
      {shown.length > 0 ? (
        <View className='blk-look__list'>
          {shown.map(({ product }) => {
            const p = product as Product
            const range = priceRange(p)
            return (
              <View key={p.id} className='blk-look__item' aria-label={`图中单品 ${p.title}`} onClick={() => tap(p)}>
                {p.images[0] ? <Image className='blk-look__thumb' src={p.images[0]} mode='aspectFill' aria-label={p.title} /> : <View className='blk-look__thumb' />}
                <Text className='blk-look__name'>{p.title}</Text>
                {launches[p.id] ? <Text className='blk-look__soon'>即将开售</Text> : range ? <PriceFrom minFen={range.minFen} maxFen={range.maxFen} size='sm' /> : null}
              </View>
            )
          })}
        </View>
      ) : null}
    </View>
  )
}
