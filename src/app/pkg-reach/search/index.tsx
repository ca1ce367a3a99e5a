// 搜索商品 (from 首页): products on sale whose title matches, a page of 20 at a time.
import { useRef, useState } from 'react'
import { Image, Input, Text, View } from '@tarojs/components'
import { useReachBottom, useRouter } from '@tarojs/taro'
import type { Product } from '@core/contract/catalog'
import { isSoldOut, priceRange } from '@core/catalog'
import { EmptyState } from '../../components/empty-state'
import { ErrorState } from '../../components/error-state'
import { LoadingView } from '../../components/loading-view'
import { PriceFrom } from '../../components/price'
import { usePageView } from '../../hooks/use-page-view'
import { go, routes } from '../../services/nav'
import { searchProducts } from '../services/search'
import './index.css'

type Results = { q: string; items: Product[]; nextCursor: string | null }

export default function SearchPage() {
  const { params } = useRouter()
  const [q, setQ] = useState(params.q ?? '')
  const [results, setResults] = useState<Results | null>(null)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [moreError, setMoreError] = useState<string | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  // Only the latest search may show its answer (a slow earlier one is dropped).
  const latest = useRef(0)
  usePageView('pkg-reach/search/index')

  const search = async (text: string) => {
    const query = text.trim()
    if (!query) return
    const ticket = ++latest.current
    setLoading(true)
    setError(null)
    try {
      const answer = await searchProducts(query)
      if (ticket === latest.current) setResults({ q: query, ...answer })
    } catch (e) {
      if (ticket === latest.current) setError((e as Error).message)
    } finally {
      if (ticket === latest.current) setLoading(false)
    }
  }

  const loadMore = async () => {
    if (!results?.nextCursor || loadingMore) return
    setLoadingMore(true)
    try {
      const next = await searchProducts(results.q, results.nextCursor)
      setResults({ ...results, items: [...results.items, ...next.items], nextCursor: next.nextCursor })
      setMoreError(null)
    } catch (e) {
      setMoreError((e as Error).message)
    } finally {
      setLoadingMore(false)
    }
  }
  useReachBottom(() => void loadMore())

  let body
  if (loading) body = <LoadingView />
  else if (error) body = <ErrorState message={error} onRetry={() => void search(q)} />
  else if (!results) body = <Text className='search__tip'>输入商品名称，例如「衬衫」</Text>
  else if (results.items.length === 0) body = <EmptyState title={`没有找到「${results.q}」`} hint='换个词试试，或回首页看看故事里的好物' />
  else {
    body = (
      <View className='search__list'>
        {results.items.map((product) => {
          const range = priceRange(product)
          return (
            <View key={product.id} className='search__item' aria-role='button' aria-label={product.title} onClick={() => go(routes.product(product.id))}>
              {product.images[0] ? <Image className='search__image' src={product.images[0]} mode='aspectFill' /> : <View className='search__image' />}
              <View className='search__body'>
                <Text className='search__title'>{product.title}</Text>
                <View className='search__meta'>
                  {range ? <PriceFrom minFen={range.minFen} maxFen={range.maxFen} /> : null}
                  {isSoldOut(product) ? <Text className='search__soldout'>已售罄</Text> : null}
                </View>
              </View>
            </View>
          )
        })}
        <View className='search__more' aria-role='button' onClick={() => void loadMore()}>
          {loadingMore ? '加载中…' : moreError ? `${moreError}，点此重试` : results.nextCursor ? '加载更多' : '— 没有更多了 —'}
        </View>
      </View>
    )
  }

  return (
    <View className='search'>
      <View className='search__bar'>
        <Input
          className='search__input'
          type='text'
          confirmType='search'
          focus
          placeholder='搜索商品'
          aria-label='搜索商品'
          maxlength={40}
          value={q}
          onInput={(e) => setQ(e.detail.value)}
          onConfirm={(e) => void search(e.detail.value)}
        />
        <View className='search__go' aria-role='button' onClick={() => void search(q)}>
          搜索
        </View>
      </View>
      {body}
    </View>
  )
}
