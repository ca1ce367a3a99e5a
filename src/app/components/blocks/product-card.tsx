import { Image, Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import { isSoldOut, priceRange, totalStock, type Product } from '@core/catalog'
import { PriceFrom } from '../price'

/** What a card does; the block renderer adds which block the tap came from. */
export type ProductActions = {
  /** Moments single-page mode: show, never sell. */
  readOnly?: boolean
  onBuy?: (product: Product) => void
  onOpen?: (product: Product) => void
}

function stockNote(product: Product): string | null {
  const stock = totalStock(product)
  if (stock === 0) return '已售罄'
  return stock <= 10 ? `仅剩 ${stock} 件` : null
}

export function MissingProduct() {
  return (
    <View className='blk-product blk-product--missing'>
      <Text className='blk-product__missing'>该商品已下架</Text>
    </View>
  )
}

/**
 * The shoppable card of a `product` block: live price and stock, add to cart in place.
 * launchAt: a countdown on the page puts it off sale until then (即将开售).
 */
export function ProductCard({ product, readOnly, onBuy, onOpen, launchAt }: { product: Product; launchAt?: string } & ProductActions) {
  const range = priceRange(product)
  const soon = Boolean(launchAt)
  const soldOut = isSoldOut(product)
  const off = soldOut || soon
  const note = soon ? `${dayjs(launchAt).format('M月D日 HH:mm')} 开售` : stockNote(product)
  return (
    <View className='blk-product' aria-label={product.title}>
      <View className='blk-product__media' onClick={() => !readOnly && onOpen?.(product)}>
        {product.images[0] ? <Image className='blk-product__image' src={product.images[0]} mode='aspectFill' aria-label={product.title} /> : null}
      </View>
      <View className='blk-product__body'>
        <Text className='blk-product__title' onClick={() => !readOnly && onOpen?.(product)}>
          {product.title}
        </Text>
        <View className='blk-product__meta'>
          {range ? <PriceFrom minFen={range.minFen} maxFen={range.maxFen} /> : null}
          {note ? <Text className={`blk-product__stock${soldOut ? ' blk-product__stock--out' : ''}`}>{note}</Text> : null}
        </View>
        {readOnly ? (
          <Text className='blk-product__hint'>在小程序中购买</Text>
        ) : (
          <View
            className={`blk-product__buy${off ? ' blk-product__buy--off' : ''}`}
            aria-role='button'
            aria-disabled={off}
            onClick={() => !off && onBuy?.(product)}
          >
            {soon ? '即将开售' : soldOut ? '已售罄' : '加入购物车'}
          </View>
        )}
      </View>
    </View>
  )
}
