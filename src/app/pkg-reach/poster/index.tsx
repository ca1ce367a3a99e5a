// 分享海报: a poster of a content page or a product (cover, title, price, the sharer's
// avatar and name when set, the share's mini-program code), drawn with Canvas 2D in the
// app. weapp: 保存到相册 with the album authorization flow, or long-press the image when
// refused. H5: 下载海报 (PNG) and 复制链接.
import { useEffect, useState } from 'react'
import { Button, Canvas, Image, Text, View } from '@tarojs/components'
import { useLoad, useRouter } from '@tarojs/taro'
import { formatFen } from '@core/money'
import { priceRange } from '@core/catalog'
import { ErrorState } from '../../components/error-state'
import { LoadingView } from '../../components/loading-view'
import { currentToken } from '../../services/auth'
import { getProduct } from '../../services/catalog-api'
import { getPage } from '../../services/content-api'
import { mediaUrl } from '../../services/env'
import { toast } from '../../services/nav'
import { copyShareLink, issueShare, sharesByLink, shareCodeUrl, type ShareTarget } from '../../services/share'
import { albumAllowed, downloadDataUrl, saveToAlbum } from '../services/album'
import { keptProfile } from '../services/profile'
import { approxMeasure, pixelRatio, POSTER_CANVAS_ID, renderPoster, type PosterSources } from './canvas'
import { posterLayout, type PosterLayout } from './layout'
import './index.css'

type State =
  | { step: 'loading' }
  | { step: 'drawing'; layout: PosterLayout; sources: PosterSources }
  | { step: 'ready'; layout: PosterLayout; path: string }
  | { step: 'failed'; message: string }

async function prepare(target: ShareTarget): Promise<{ layout: PosterLayout; sources: PosterSources }> {
  let title: string
  let cover: string | null | undefined
  let price: string | undefined
  if (target.contentSlug) {
    const { page } = await getPage(target.contentSlug)
    title = page.share.title || page.title
    cover = page.share.imageUrl || page.cover
  } else {
    const product = await getProduct(target.productId ?? '')
    title = product.title
    cover = product.images[0]
    const range = priceRange(product)
    if (range) price = `${formatFen(range.minFen)}${range.maxFen > range.minFen ? ' 起' : ''}`
  }
  // Longer than a chat card may wait: the poster is useless without its code.
  const share = await issueShare(target, 'poster', { timeoutMs: 10_000 })
  if (!share.issued) throw new Error('网络不太顺畅，海报的小程序码暂时生成不了，请稍后重试')
  const profile = keptProfile()
  const token = currentToken()
  const layout = posterLayout(
    { title, ...(price ? { price } : {}), ...(profile?.name ? { sharerName: profile.name } : {}), hasAvatar: Boolean(profile?.avatarUrl), pixelRatio: pixelRatio() },
    approxMeasure
  )
  const sources: PosterSources = {
    ...(cover ? { cover: { url: mediaUrl(cover) } } : {}),
    ...(profile?.avatarUrl ? { avatar: { url: mediaUrl(profile.avatarUrl) } } : {}),
    code: { url: shareCodeUrl(share.id), ...(token ? { header: { Authorization: `Bearer ${token}` } } : {}) }
  }
  return { layout, sources }
}

export default function PosterPage() {
  const { params } = useRouter()
  const target: ShareTarget | null = params.slug ? { contentSlug: params.slug } : params.id ? { productId: params.id } : null
  const [state, setState] = useState<State>({ step: 'loading' })
  const [refused, setRefused] = useState(false)
  const byLink = sharesByLink()

  const start = async () => {
    if (!target) {
      setState({ step: 'failed', message: '链接不完整，请从内容或商品页重新生成海报' })
      return
    }
    setState({ step: 'loading' })
    try {
      setState({ step: 'drawing', ...(await prepare(target)) })
    } catch (e) {
      setState({ step: 'failed', message: (e as Error).message || '海报生成失败，请重试' })
    }
  }
  useLoad(() => void start())

  // The canvas exists once 'drawing' is rendered: paint it, then show the exported image.
  useEffect(() => {
    if (state.step !== 'drawing') return
    let live = true
    const { layout, sources } = state
    renderPoster(layout, sources).then(
      ({ path, hasCode }) => {
        if (!live) return
        if (!hasCode) setState({ step: 'failed', message: '海报的小程序码没有取到，请重试' })
        else setState({ step: 'ready', layout, path })
      },
      (e: unknown) => live && setState({ step: 'failed', message: `海报绘制失败：${(e as Error)?.message ?? e}` })
    )
    return () => {
      live = false
    }
  }, [state])

  const save = async (path: string) => {
    try {
      const result = await saveToAlbum(path)
      if (result === 'saved') toast('已保存到相册', 'success')
      if (result === 'refused') setRefused(true)
    } catch (e) {
      toast(`保存失败：${(e as Error)?.message ?? e}`)
    }
  }

  if (state.step === 'failed') return <ErrorState title='海报没有生成' message={state.message} onRetry={target ? () => void start() : undefined} />
  if (state.step === 'loading') return <LoadingView cards={1} />
  const { layout } = state
  const size = { width: `${layout.width}px`, height: `${layout.height}px` }

  return (
    <View className='poster'>
      {state.step === 'drawing' ? (
        <>
          <View className='poster__drawing'>海报生成中…</View>
          {byLink ? null : <Canvas type='2d' id={POSTER_CANVAS_ID} className='poster__canvas' style={size} />}
        </>
      ) : (
        <>
          <Image className='poster__image' style={size} src={state.path} showMenuByLongpress aria-label='分享海报' />
          {byLink ? (
            <View className='poster__actions'>
              <View className='poster__btn poster__btn--main' aria-role='button' onClick={() => downloadDataUrl(state.path, 'poster.png')}>
                下载海报
              </View>
              <View className='poster__btn' aria-role='button' onClick={() => target && void copyShareLink(target)}>
                复制链接
              </View>
            </View>
          ) : (
            <View className='poster__actions'>
              {refused ? (
                <>
                  <Text className='poster__hint'>没有相册权限：长按上方海报即可保存或发给朋友，或在设置中允许「保存到相册」</Text>
                  <Button
                    className='poster__btn'
                    openType='openSetting'
                    onOpenSetting={(e) => {
                      if (albumAllowed(e.detail as { authSetting?: Record<string, boolean> })) {
                        setRefused(false)
                        void save(state.path)
                      }
                    }}
                  >
                    去设置开启相册权限
                  </Button>
                </>
              ) : (
                <View className='poster__btn poster__btn--main' aria-role='button' onClick={() => void save(state.path)}>
                  保存到相册
                </View>
              )}
              <Text className='poster__hint'>长按海报也可以直接发送给朋友</Text>
            </View>
          )}
        </>
      )}
    </View>
  )
}
