// 商品详情: images, the SKU picker, add to cart and buy now; shareable.
import { useCallback, useState } from 'react'
import { Image, Swiper, SwiperItem, Text, View } from '@tarojs/components'
import { useDidShow, useLoad, useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { attributeOptions, findSku, formatAttrs, isSoldOut, priceRange, totalStock, type Choices, type Product } from '@core/catalog'
import { imageIndexFor } from '@core/sku-image'
import { ErrorState } from '../../components/error-state'
import { LoadingView } from '../../components/loading-view'
import { NoticeBar } from '../../components/notice-bar'
import { PriceFrom } from '../../components/price'
import { ShareActions } from '../../components/share-actions'
import { SkuPicker, type PickerAction } from '../../components/sku-picker'
import { useAddToCart } from '../../hooks/use-add-to-cart'
import { blockFromParams } from '../../hooks/use-block-views'
import { useShareActions } from '../../hooks/use-share-actions'
import { usePageView } from '../../hooks/use-page-view'
import { brandName } from '../../services/brand'
import { getProduct } from '../../services/catalog-api'
import { isSinglePageMode, openSceneTarget, recordPageShare } from '../../services/entry'
import { ApiError } from '../../services/http'
import { go, routes } from '../../services/nav'
import { shareToChat, shareToTimeline } from '../../services/share'
import { tracker } from '../../services/tracker'
import { selectCartCount, useCartStore } from '../../stores/cart-store'
import './index.css'

export default function ProductPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const [product, setProduct] = useState<Product | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [picker, setPicker] = useState<PickerAction[] | null>(null)
  // What the shopper picked in the sheet, shown on the page and kept for the next opening.
  const [chosen, setChosen] = useState<Choices>({})
  const singlePage = isSinglePageMode()
  const cartCount = useCartStore(selectCartCount)
  const addToCart = useAddToCart({})
  usePageView('pages/product/index', { productId: id || undefined })

  const load = useCallback(async () => {
    try {
      setProduct(await getProduct(id))
      setError(null)
    } catch (e) {
      setError(e instanceof ApiError && e.status === 404 ? '商品已下架或不存在' : (e as Error).message)
    }
  }, [id])

  useLoad(() => {
    if (openSceneTarget(params, 'product')) return
    if (!id) {
      setError('链接不完整，请返回首页看看其他商品')
      return
    }
    recordPageShare(params, { productId: id, page: 'pages/product/index' })
    // Opened from a content page's block: the view names it (the per-block report counts taps).
    tracker.track('product_view', { productId: id, ...blockFromParams(params) })
    void load()
  })

  // Back on the page: live price and stock again.
  useDidShow(() => {
    if (product) void load()
  })

  const shareActions = useShareActions({ productId: id })
  const card = { title: product?.title ?? brandName(), imageUrl: product?.images[0] }
  useShareAppMessage(() => shareToChat({ productId: id }, card))
  useShareTimeline(() => shareToTimeline({ productId: id }, card))

  if (error) return <ErrorState message={error} onRetry={id ? () => void load() : undefined} />
  if (!product) return <LoadingView cards={1} />

  const range = priceRange(product)
  const soldOut = isSoldOut(product)
  const stock = totalStock(product)
  const chosenSku = findSku(product, chosen)
  const unchosen = Object.keys(attributeOptions(product)).filter((name) => !chosen[name])
  const picked = Object.fromEntries(Object.entries(chosen).filter((e): e is [string, string] => Boolean(e[1])))
  const chosenText = chosenSku
    ? formatAttrs(chosenSku.attrs) || '默认'
    : Object.keys(picked).length > 0
      ? `${formatAttrs(picked)}，请选择 ${unchosen.join('／')}`
      : '选择规格与数量'
  const imageIndex = imageIndexFor(product, chosen)

  return (
    <View className='product'>
      {singlePage ? <NoticeBar text='当前为朋友圈预览，点击屏幕下方「前往小程序」即可购买' /> : null}
      {/* Keyed by the picture: Taro's H5 swiper does not move when current changes after it is mounted. */}
      <Swiper key={imageIndex} className='product__swiper' current={imageIndex} indicatorDots={product.images.length > 1} indicatorActiveColor='#2b2622' circular>
        {product.images.map((src) => (
          <SwiperItem key={src}>
            <Image className='product__image' src={src} mode='aspectFill' aria-label={product.title} />
          </SwiperItem>
        ))}
      </Swiper>
      <View className='product__info'>
        {range ? <PriceFrom minFen={range.minFen} maxFen={range.maxFen} size='lg' /> : null}
        <Text className='product__title'>{product.title}</Text>
        <Text className='product__stock'>{soldOut ? '已售罄' : stock <= 10 ? `仅剩 ${stock} 件` : '现货'}</Text>
      </View>
      {singlePage ? null : (
        <View className='product__row' aria-role='button' onClick={() => setPicker(['cart', 'buy'])}>
          <Text className='product__row-label'>{Object.keys(picked).length > 0 ? '已选' : '规格'}</Text>
          <Text className={`product__row-value${chosenSku ? ' product__row-value--chosen' : ''}`} aria-label='已选规格'>
            {chosenText}
          </Text>
          <Text className='product__row-arrow'>›</Text>
        </View>
      )}
      {product.description ? (
        <View className='product__desc'>
          <Text className='product__desc-title'>商品介绍</Text>
          <Text className='product__desc-text'>{product.description}</Text>
        </View>
      ) : null}
      {singlePage ? null : (
        <View className='product__bar'>
          <View className='product__bar-cart' aria-role='button' aria-label={`购物车 ${cartCount} 件`} onClick={() => go(routes.cart)}>
            <Text>购物车</Text>
            {cartCount > 0 ? <Text className='product__bar-badge'>{cartCount}</Text> : null}
          </View>
          <View className={`product__bar-btn product__bar-btn--cart${soldOut ? ' product__bar-btn--off' : ''}`} aria-role='button' aria-disabled={soldOut} onClick={() => !soldOut && setPicker(['cart'])}>
            加入购物车
          </View>
          <View className={`product__bar-btn product__bar-btn--buy${soldOut ? ' product__bar-btn--off' : ''}`} aria-role='button' aria-disabled={soldOut} onClick={() => !soldOut && setPicker(['buy'])}>
            {soldOut ? '已售罄' : '立即购买'}
          </View>
        </View>
      )}
      <ShareActions {...shareActions} top />
      {picker ? (
        <SkuPicker
          product={product}
          actions={picker}
          initial={chosen}
          onChoose={setChosen}
          onClose={() => setPicker(null)}
          onConfirm={(sku, qty, action) => void addToCart(product, sku.id, qty, action).then((done) => done && setPicker(null))}
        />
      ) : null}
    </View>
  )
}
