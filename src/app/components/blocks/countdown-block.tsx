import { useEffect, useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import { priceRange, type Product } from '@core/catalog'
import type { CountdownBlock } from '@core/content'
import { PriceFrom } from '../price'

/** Where the shopper's 开售提醒 stands: asked for, on its way, or refused by WeChat/the network. */
export type ReminderState = 'idle' | 'asking' | 'set' | 'failed'

/** Seconds until `until`, never below zero. */
export function secondsUntil(until: string, now = Date.now()): number {
  return Math.max(0, Math.ceil((dayjs(until).valueOf() - now) / 1000))
}

/** 2 天 03:04:05 (days only when there are any). */
export function formatCountdown(seconds: number): string {
  const d = Math.floor(seconds / 86400)
  const h = Math.floor((seconds % 86400) / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = seconds % 60
  const clock = [h, m, s].map((n) => String(n).padStart(2, '0')).join(':')
  return d > 0 ? `${d} 天 ${clock}` : clock
}

type Props = {
  block: CountdownBlock
  product?: Product
  readOnly?: boolean
  reminder?: ReminderState
  onRemind?: (productId: string) => void
  onBuy?: (product: Product) => void
}

/**
 * A countdown to a launch (dayjs, ticking each second). Before it, the product it
 * names is 即将开售 and a 开售提醒 button asks for the launch message; after it,
 * the product can be bought right here.
 */
export function CountdownBlockView({ block, product, readOnly, reminder = 'idle', onRemind, onBuy }: Props) {
  const [left, setLeft] = useState(() => secondsUntil(block.until))
  useEffect(() => {
    setLeft(secondsUntil(block.until))
    if (secondsUntil(block.until) === 0) return
    const timer = setInterval(() => {
      const s = secondsUntil(block.until)
      setLeft(s)
      if (s === 0) clearInterval(timer)
    }, 1000)
    return () => clearInterval(timer)
  }, [block.until])
  const launched = left === 0
  const at = dayjs(block.until)
  const range = product ? priceRange(product) : null
  return (
    <View className={`blk-countdown${launched ? ' blk-countdown--live' : ''}`} aria-label={block.title || '开售倒计时'}>
      {block.title ? <Text className='blk-countdown__title'>{block.title}</Text> : null}
      <Text className='blk-countdown__at'>{at.isValid() ? `${at.format('M月D日 HH:mm')} 开售` : ''}</Text>
      {launched ? (
        <Text className='blk-countdown__clock'>{block.productId ? '已开售' : '已开始'}</Text>
      ) : (
        <View className='blk-countdown__left' aria-label='距开售'>
          <Text className='blk-countdown__label'>距开售</Text>
          <Text className='blk-countdown__clock'>{formatCountdown(left)}</Text>
        </View>
      )}
      {product ? (
        <View className='blk-countdown__product' aria-label={product.title}>
          {product.images[0] ? <Image className='blk-countdown__thumb' src={product.images[0]} mode='aspectFill' aria-label={product.title} /> : null}
          <View className='blk-countdown__info'>
            <Text className='blk-countdown__name'>{product.title}</Text>
            {range ? <PriceFrom minFen={range.minFen} maxFen={range.maxFen} size='sm' /> : null}
          </View>
        </View>
      ) : null}
      {readOnly || !block.productId ? null : launched ? (
        product ? (
          <View className='blk-countdown__action' aria-role='button' onClick={() => onBuy?.(product)}>
            立即购买
          </View>
        ) : null
      ) : (
        <View
          className={`blk-countdown__action blk-countdown__action--${reminder}`}
          aria-role='button'
          aria-disabled={reminder === 'asking' || reminder === 'set'}
          onClick={() => reminder !== 'asking' && reminder !== 'set' && onRemind?.(block.productId as string)}
        >
          {reminder === 'set' ? '已设置开售提醒' : reminder === 'asking' ? '设置中…' : '开售提醒'}
        </View>
      )}
    </View>
  )
}
