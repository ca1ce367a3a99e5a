// 内容页: a published content page, shoppable in place and shareable to chats and
// Moments. In Moments single-page mode (scene 1154) it only shows: no login, no
// navigation, and a note on how to open the full mini-program.
// Each block's first view is a block_view; taps and add-to-carts from a block name it.
// `?live=1` (H5 in the admin's editor): renders the drafts the editor posts, counts nothing.
import { useCallback, useMemo, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useDidShow, useLoad, usePullDownRefresh, useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import type { Product } from '@core/contract/catalog'
import type { Slide } from '@core/content'
import type { LivePreviewDraft } from '@core/live-preview'
import { BlockRenderer } from '../../components/blocks/block-renderer'
import type { ReminderState } from '../../components/blocks/countdown-block'
import { ErrorState } from '../../components/error-state'
import { LoadingView } from '../../components/loading-view'
import { NoticeBar } from '../../components/notice-bar'
import { ShareActions } from '../../components/share-actions'
import { SkuPicker, type PickerAction } from '../../components/sku-picker'
import { usePageView } from '../../hooks/use-page-view'
import { useAddToCart } from '../../hooks/use-add-to-cart'
import { useShareActions } from '../../hooks/use-share-actions'
import { useCouponClaims } from '../../hooks/use-coupon-claims'
import { useBlockProducts } from '../../hooks/use-block-products'
import { blockQuery, useBlockViews, type BlockRef } from '../../hooks/use-block-views'
import { useFirstScreen } from '../../hooks/use-first-screen'
import { useLaunches } from '../../hooks/use-launches'
import { previewBlocks, scrollToBlock, useLivePreview } from '../../hooks/use-live-preview'
import { rememberContent } from '../../services/attribution'
import { brandName } from '../../services/brand'
import { getPage, takeReadyPage, type ShownPage } from '../../services/content-api'
import { isSinglePageMode, openSceneTarget, recordPageShare } from '../../services/entry'
import { ApiError } from '../../services/http'
import { askLaunchReminder } from '../../services/launch-reminders'
import { go, routes, setTitle, stopPullDownRefresh, toast } from '../../services/nav'
import { shareToChat, shareToTimeline } from '../../services/share'
import { tracker } from '../../services/tracker'
import { selectCartCount, useCartStore } from '../../stores/cart-store'
import './index.css'

const NO_BLOCKS: never[] = []
const NO_INDEXES: number[] = []

export default function ContentPage() {
  const { params } = useRouter()
  const slug = params.slug ?? ''
  // Staff previewing a draft: shown as shoppers will see it, but never counted.
  const preview = params.preview || undefined
  // The admin editor's live preview: drafts come by postMessage, nothing is counted.
  const live = params.live === '1'
  const counted = !preview && !live
  // The entry page's answer, prefetched as the app started: when it came before this page's
  // code, the page is drawn with it at once, with no placeholder frame and no second read.
  const [first] = useState(() => (counted && slug ? takeReadyPage(slug) : undefined))
  const [data, setData] = useState<ShownPage | null>(first ?? null)
  const [error, setError] = useState<{ message: string; missing: boolean } | null>(null)
  const [picking, setPicking] = useState<{ product: Product; from?: BlockRef } | null>(null)
  const [reminders, setReminders] = useState<Record<string, ReminderState>>({})
  const singlePage = isSinglePageMode()
  const cartCount = useCartStore(selectCartCount)
  const addToCart = useAddToCart({ contentSlug: slug })
  usePageView('pages/content/index', { contentSlug: slug || undefined }, !live)
  const { coupons, claim } = useCouponClaims({ blocks: data?.page.blocks, contentSlug: slug, claimable: counted && !singlePage })
  const products = useBlockProducts(data?.page.blocks, data?.products)
  const launches = useLaunches(data?.page.blocks ?? NO_BLOCKS, products)
  // H5 draws the first screen's blocks first, the rest a frame later (hooks/use-first-screen.h5.ts).
  const drawn = useFirstScreen(data?.page.blocks ?? NO_BLOCKS, !live)
  const blocks = useMemo(() => (data?.page.blocks ?? NO_BLOCKS).slice(0, drawn), [data, drawn])
  const indexes = useMemo(() => (data?.indexes ?? NO_INDEXES).slice(0, drawn), [data, drawn])
  const blocksId = useBlockViews({
    blocks,
    indexes,
    enabled: counted && Boolean(slug),
    onView: (from) => tracker.track('block_view', { contentSlug: slug, props: { ...from } })
  })

  useLivePreview(live, (draft: LivePreviewDraft) => {
    const { blocks, indexes } = previewBlocks(draft.page.blocks)
    setData((prev) => ({
      page: { slug: draft.page.slug, title: draft.page.title, cover: draft.page.cover, blocks, share: { title: draft.page.title, imageUrl: null }, publishedAt: null },
      products: prev?.products ?? {},
      indexes
    }))
    setError(null)
    if (typeof draft.focusIndex === 'number') {
      const focus = draft.focusIndex
      setTimeout(() => scrollToBlock(focus, indexes), 0)
    }
  })

  const load = useCallback(async () => {
    if (!slug) {
      setError({ message: '链接不完整，请返回首页看看其他内容', missing: true })
      return
    }
    try {
      const answer = await getPage(slug, { preview })
      setData(answer)
      setError(null)
      setTitle(answer.page.title)
    } catch (e) {
      const missing = e instanceof ApiError && e.status === 404
      const expired = e instanceof ApiError && e.code === 'PREVIEW_EXPIRED'
      setError({ message: missing ? '这篇内容已下线或不存在' : expired ? '预览链接已过期，请在后台重新生成' : (e as Error).message, missing: missing || expired })
    } finally {
      stopPullDownRefresh()
    }
  }, [slug, preview])

  useLoad(() => {
    if (live) return
    if (openSceneTarget(params, 'content')) return
    if (slug && !preview) {
      recordPageShare(params, { contentSlug: slug, page: 'pages/content/index' })
      tracker.track('content_view', { contentSlug: slug })
      rememberContent(slug)
    }
    if (first) setTitle(first.page.title)
    else void load()
  })
  usePullDownRefresh(() => (live ? stopPullDownRefresh() : void load()))
  // Back on the page (after buying, say): prices and stock are read again; never on its first show.
  const shown = useRef(false)
  useDidShow(() => {
    const again = shown.current
    shown.current = true
    if (again && data && !live) void load()
  })

  const shareActions = useShareActions({ contentSlug: slug }, { hidden: Boolean(preview) || live })
  const card = { title: data?.page.share.title || data?.page.title || brandName(), imageUrl: data?.page.share.imageUrl ?? undefined }
  useShareAppMessage(() => shareToChat({ contentSlug: slug }, card))
  useShareTimeline(() => shareToTimeline({ contentSlug: slug }, card))

  const confirm = async (product: Product, skuId: string, qty: number, action: PickerAction, from?: BlockRef) => {
    if (live) {
      toast('预览中，不能加入购物车')
      return
    }
    if (await addToCart(product, skuId, qty, action, from)) setPicking(null)
  }

  const soon = (product: Product) => {
    if (!launches[product.id]) return false
    toast(`「${product.title}」即将开售，可设置开售提醒`)
    return true
  }
  // A hotspot: the product is viewed right here, its SKU picker opens in place.
  const pick = (product: Product, from: BlockRef) => {
    if (counted) tracker.track('product_view', { productId: product.id, contentSlug: slug, props: { ...from } })
    if (!soon(product)) setPicking({ product, from })
  }
  const buy = (product: Product, from: BlockRef) => {
    if (!soon(product)) setPicking({ product, from })
  }
  const open = (productId: string, from: BlockRef) => go(`${routes.product(productId)}${counted ? blockQuery(slug, from) : ''}`)
  const openSlide = (slide: Slide, from: BlockRef) => {
    if (slide.productId) open(slide.productId, from)
    else if (slide.pageSlug) go(routes.content(slide.pageSlug))
  }
  const remind = async (productId: string) => {
    if (!counted) {
      toast('预览中，不设置开售提醒')
      return
    }
    if (reminders[productId] === 'asking' || reminders[productId] === 'set') return
    setReminders((r) => ({ ...r, [productId]: 'asking' }))
    const outcome = await askLaunchReminder(productId, slug)
    setReminders((r) => ({ ...r, [productId]: outcome === 'set' ? 'set' : 'idle' }))
    if (outcome === 'set') toast('开售时会提醒你', 'success')
    else if (outcome === 'refused') toast('未开启提醒，可再次点击开启')
    else toast('提醒没有设置成功，请稍后再试')
  }

  if (error) {
    return (
      <View className='content'>
        <ErrorState title={error.missing ? '内容不见了' : '加载失败'} message={error.message} onRetry={error.missing ? undefined : () => void load()} />
        {error.missing && !singlePage ? (
          <View className='content__home' aria-role='button' onClick={() => go(routes.home)}>
            回到首页
          </View>
        ) : null}
      </View>
    )
  }
  if (!data) return <LoadingView cards={1} />

  return (
    <View className='content'>
      {singlePage ? <NoticeBar text='当前为朋友圈预览，点击屏幕下方「前往小程序」即可查看完整内容并购买' /> : null}
      <BlockRenderer
        id={blocksId}
        blocks={blocks}
        indexes={indexes}
        products={products}
        launches={launches}
        readOnly={singlePage}
        onBuy={buy}
        onPick={pick}
        onOpen={(p, from) => open(p.id, from)}
        onOpenSlide={openSlide}
        reminders={reminders}
        onRemind={(productId) => void remind(productId)}
        coupons={coupons}
        onClaim={(id) => void claim(id)}
        onOpenCoupons={() => go(routes.myCoupons)}
      />
      <View className='content__end'>
        <Text>— {data.page.title} —</Text>
      </View>
      <ShareActions {...shareActions} />
      {singlePage ? null : (
        <View className='content__cart' aria-role='button' aria-label={`购物车 ${cartCount} 件`} onClick={() => go(routes.cart)}>
          <Text className='content__cart-text'>购物车</Text>
          {cartCount > 0 ? <Text className='content__cart-badge'>{cartCount}</Text> : null}
        </View>
      )}
      {picking ? (
        <SkuPicker
          product={picking.product}
          actions={['cart']}
          onClose={() => setPicking(null)}
          onConfirm={(sku, qty, action) => void confirm(picking.product, sku.id, qty, action, picking.from)}
        />
      ) : null}
    </View>
  )
}
