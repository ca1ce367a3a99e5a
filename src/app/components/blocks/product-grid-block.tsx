import { Image, Text, View } from '@tarojs/components'
import { isSoldOut, priceRange, type Product } from '@core/catalog'
import type { ProductGridBlock } from '@core/content'
import { PriceFrom } from '../price'
import type { ProductActions } from './product-card'

export function ProductGridBlockView({ block, products, readOnly, onBuy, onOpen, launches = {} }: { block: ProductGridBlock; products: Record<string, Product>; launches?: Record<string, string> } & ProductActions) {
  const shown = block.productIds.map((id) => products[id]).filter((p): p is Product => Boolean(p))
  if (shown.length === 0) return null
  return (
    <View className='blk-grid'>
      {block.title ? <Text className='blk-grid__title'>{block.title}</Text> : null}
      <View className='blk-grid__items'>
        {shown.map((product) => {
          const range = priceRange(product)
          const soldOut = isSoldOut(product)
          const soon = Boolean(launches[product.id])
          const off = soldOut || soon
          return (
            <View className='blk-grid__item' key={product.id} aria-label={product.title}>
              <View onClick={() => !readOnly && onOpen?.(product)}>
                {product.images[0] ? <Image className='blk-grid__image' src={product.images[0]} mode='aspectFill' aria-label={product.title} /> : <View className='blk-grid__image' />}
                <Text className='blk-grid__name'>{product.title}</Text>
              </View>
              <View className='blk-grid__foot'>
                {range ? <PriceFrom minFen={range.minFen} maxFen={range.maxFen} size='sm' /> : null}
                {readOnly ? null : (
                  <View
                    className={`blk-grid__add${off ? ' blk-grid__add--off' : ''}`}
                    aria-role='button'
                    aria-label={soon ? `${product.title} 即将开售` : soldOut ? `${product.title} 已售罄` : `${product.title} 加入购物车`}
                    aria-disabled={off}
                    onClick={() => !off && onBuy?.(product)}
                  >
                    {soon ? '即将开售' : soldOut ? '售罄' : '+'}
                  </View>
                )}
              </View>
            </View>
          )
        })}
      </View>
    </View>
  )
}
