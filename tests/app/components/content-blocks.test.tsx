// The blocks of issue 18 as the shopper sees them: shop-the-look, carousel, countdown,
// divider and quote, each action naming the block (its index in the saved page).
import { act, fireEvent, render, screen, within } from '@testing-library/react'
import dayjs from 'dayjs'
import type { Block } from '@core/content'
import { parseBlocksLenient } from '@core/content'
import { BlockRenderer } from '../../../src/app/components/blocks/block-renderer'
import { formatCountdown } from '../../../src/app/components/blocks/countdown-block'
import { renderableBlocks } from '../../../src/app/services/content-api'
import { launchesOf } from '../../../src/app/hooks/use-launches'
import { mug, soldOutVase, tee } from '../helpers/fixtures'

const products = { [tee.id]: tee, [mug.id]: mug, [soldOutVase.id]: soldOutVase }
const look: Block = {
  type: 'shop-the-look',
  image: '/media/look.jpg',
  title: '周末的搭配',
  hotspots: [
    { x: 0.25, y: 0.4, productId: tee.id },
    { x: 0.7, y: 0.825, productId: mug.id }
  ]
}

afterEach(() => jest.useRealTimers())

describe('shop-the-look', () => {
  test('a dot sits at its fractions of the image on every screen, and a tap picks that product, naming the block', () => {
    const onPick = jest.fn()
    render(<BlockRenderer blocks={[{ type: 'text', text: '开头' }, look]} indexes={[0, 3]} products={products} onPick={onPick} />)
    expect(screen.getByText('周末的搭配')).toBeInTheDocument()
    expect(screen.getByRole('img', { name: '周末的搭配' })).toHaveAttribute('src', '/media/look.jpg')
    const first = screen.getByRole('button', { name: `商品点 1：${tee.title}` })
    const second = screen.getByRole('button', { name: `商品点 2：${mug.title}` })
    expect(first).toHaveStyle({ left: '25%', top: '40%' })
    expect(second).toHaveStyle({ left: '70%', top: '82.5%' })
    fireEvent.click(second)
    expect(onPick).toHaveBeenCalledWith(mug, { blockIndex: 3, blockType: 'shop-the-look' })
    // The look's products are listed under the image too, with their prices.
    const item = screen.getByLabelText(`图中单品 ${tee.title}`)
    expect(within(item).getByText(/¥199/)).toBeInTheDocument()
    fireEvent.click(item)
    expect(onPick).toHaveBeenLastCalledWith(tee, { blockIndex: 3, blockType: 'shop-the-look' })
  })

  test('a dot whose product is gone cannot be tapped; read-only mode picks nothing', () => {
    const onPick = jest.fn()
    const gone: Block = { ...look, hotspots: [{ x: 0.5, y: 0.5, productId: 'p-gone' }] } as Block
    const { unmount } = render(<BlockRenderer blocks={[gone]} products={products} onPick={onPick} />)
    const dot = screen.getByRole('button', { name: '商品点 1：已下架' })
    expect(dot).toHaveAttribute('aria-disabled', 'true')
    fireEvent.click(dot)
    unmount()
    render(<BlockRenderer blocks={[look]} products={products} readOnly onPick={onPick} />)
    fireEvent.click(screen.getByRole('button', { name: `商品点 1：${tee.title}` }))
    expect(onPick).not.toHaveBeenCalled()
  })
})

describe('carousel', () => {
  const carousel: Block = {
    type: 'carousel',
    slides: [{ image: '/media/s1.jpg', productId: tee.id }, { image: '/media/s2.jpg', pageSlug: 'autumn-wool' }, { image: '/media/s3.jpg' }]
  }

  test('slides link to a product or a page; a slide without a link is only a picture', () => {
    const onOpenSlide = jest.fn()
    render(<BlockRenderer blocks={[carousel]} indexes={[5]} products={products} onOpenSlide={onOpenSlide} />)
    expect(screen.getAllByRole('img').map((i) => i.getAttribute('src'))).toEqual(['/media/s1.jpg', '/media/s2.jpg', '/media/s3.jpg'])
    fireEvent.click(screen.getByRole('link', { name: '第 1 张，查看商品' }))
    expect(onOpenSlide).toHaveBeenLastCalledWith({ image: '/media/s1.jpg', productId: tee.id }, { blockIndex: 5, blockType: 'carousel' })
    fireEvent.click(screen.getByRole('link', { name: '第 2 张，查看页面' }))
    expect(onOpenSlide).toHaveBeenLastCalledWith({ image: '/media/s2.jpg', pageSlug: 'autumn-wool' }, { blockIndex: 5, blockType: 'carousel' })
    expect(screen.queryByRole('link', { name: /第 3 张/ })).toBeNull()
    fireEvent.click(screen.getByLabelText('第 3 张'))
    expect(onOpenSlide).toHaveBeenCalledTimes(2)
  })
})

describe('countdown', () => {
  const NOW = new Date('2026-12-01T04:00:00+08:00')
  const until = '2026-12-03T07:04:05+08:00' // 2 days 3:04:05 after NOW
  const countdown: Block = { type: 'countdown', until, title: '冬季羊毛上新', productId: tee.id }
  // Shown in the phone's own time zone.
  const launchText = `${dayjs(until).format('M月D日 HH:mm')} 开售`

  test('before the launch: time left ticks, the product it names is 即将开售 everywhere on the page, and 开售提醒 asks for the reminder', () => {
    jest.useFakeTimers({ now: NOW })
    const onRemind = jest.fn()
    const onBuy = jest.fn()
    const onPick = jest.fn()
    render(
      <BlockRenderer
        blocks={[countdown, { type: 'product', productId: tee.id }, { type: 'product-grid', productIds: [tee.id, mug.id] }, look]}
        products={products}
        onRemind={onRemind}
        onBuy={onBuy}
        onPick={onPick}
      />
    )
    const block = screen.getByLabelText('冬季羊毛上新')
    expect(within(block).getByText(launchText)).toBeInTheDocument()
    expect(within(block).getByText('2 天 03:04:05')).toBeInTheDocument()
    act(() => jest.advanceTimersByTime(1000))
    expect(within(block).getByText('2 天 03:04:04')).toBeInTheDocument()

    // The product card and the grid: not addable before the launch.
    const card = screen.getAllByLabelText(tee.title).find((el) => el.className.includes('blk-product'))!
    const soon = within(card).getByRole('button', { name: '即将开售' })
    expect(soon).toHaveAttribute('aria-disabled', 'true')
    fireEvent.click(soon)
    expect(within(card).getByText(launchText)).toBeInTheDocument()
    const gridSoon = screen.getByRole('button', { name: `${tee.title} 即将开售` })
    fireEvent.click(gridSoon)
    expect(onBuy).not.toHaveBeenCalled()
    expect(within(screen.getByLabelText(`图中单品 ${tee.title}`)).getByText('即将开售')).toBeInTheDocument()
    // Another product of the grid is on sale as usual.
    fireEvent.click(screen.getByRole('button', { name: `${mug.title} 加入购物车` }))
    expect(onBuy).toHaveBeenCalledWith(mug, { blockIndex: 2, blockType: 'product-grid' })

    fireEvent.click(within(block).getByRole('button', { name: '开售提醒' }))
    expect(onRemind).toHaveBeenCalledWith(tee.id, { blockIndex: 0, blockType: 'countdown' })
  })

  test('a reminder on its way or set cannot be asked again', () => {
    jest.useFakeTimers({ now: NOW })
    const onRemind = jest.fn()
    const { rerender } = render(<BlockRenderer blocks={[countdown]} products={products} onRemind={onRemind} reminders={{ [tee.id]: 'asking' }} />)
    fireEvent.click(screen.getByRole('button', { name: '设置中…' }))
    rerender(<BlockRenderer blocks={[countdown]} products={products} onRemind={onRemind} reminders={{ [tee.id]: 'set' }} />)
    const set = screen.getByRole('button', { name: '已设置开售提醒' })
    expect(set).toHaveAttribute('aria-disabled', 'true')
    fireEvent.click(set)
    expect(onRemind).not.toHaveBeenCalled()
  })

  test('at the launch time the block says 已开售 and the product can be bought, on the card too', () => {
    jest.useFakeTimers({ now: new Date(dayjs(until).valueOf() - 2000) })
    const onBuy = jest.fn()
    render(<BlockRenderer blocks={[countdown, { type: 'product', productId: tee.id }]} products={products} onBuy={onBuy} />)
    expect(screen.getByText('00:00:02')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '即将开售' })).toBeInTheDocument()
    act(() => jest.advanceTimersByTime(2100))
    const block = screen.getByLabelText('冬季羊毛上新')
    expect(within(block).getByText('已开售')).toBeInTheDocument()
    expect(within(block).queryByRole('button', { name: '开售提醒' })).toBeNull()
    fireEvent.click(within(block).getByRole('button', { name: '立即购买' }))
    expect(onBuy).toHaveBeenLastCalledWith(tee, { blockIndex: 0, blockType: 'countdown' })
    fireEvent.click(screen.getByRole('button', { name: '加入购物车' }))
    expect(onBuy).toHaveBeenLastCalledWith(tee, { blockIndex: 1, blockType: 'product' })
  })

  test('a countdown without a product only counts down; read-only mode offers no reminder', () => {
    jest.useFakeTimers({ now: NOW })
    const { unmount } = render(<BlockRenderer blocks={[{ type: 'countdown', until }]} products={products} />)
    expect(screen.getByLabelText('开售倒计时')).toBeInTheDocument()
    expect(screen.queryByRole('button')).toBeNull()
    unmount()
    render(<BlockRenderer blocks={[countdown]} products={products} readOnly />)
    expect(screen.queryByRole('button', { name: '开售提醒' })).toBeNull()
  })

  test('the time left reads days only when there are any', () => {
    expect(formatCountdown(0)).toBe('00:00:00')
    expect(formatCountdown(59)).toBe('00:00:59')
    expect(formatCountdown(3600 + 61)).toBe('01:01:01')
    expect(formatCountdown(86400 * 3 + 5)).toBe('3 天 00:00:05')
  })
})

test('divider and quote give a page rhythm', () => {
  const { container } = render(<BlockRenderer blocks={[{ type: 'divider' }, { type: 'quote', text: '衣服是第二层皮肤。', by: '设计师 林' }, { type: 'quote', text: '无名之言' }]} products={{}} />)
  expect(container.querySelector('.blk-divider')).not.toBeNull()
  const quotes = screen.getAllByLabelText('引文')
  expect(within(quotes[0]).getByText('衣服是第二层皮肤。')).toBeInTheDocument()
  expect(within(quotes[0]).getByText('— 设计师 林')).toBeInTheDocument()
  expect(within(quotes[1]).queryByText(/—/)).toBeNull()
})

test('blocks keep their saved index in their frame when the lenient parser drops an unknown or broken one', () => {
  const raw = [{ type: 'quote', text: '一' }, { type: 'lottery', prizes: [] }, { type: 'shop-the-look', image: '/media/x.jpg', hotspots: [] }, { type: 'divider' }, { type: 'quote', text: '二' }]
  const { blocks, indexes } = renderableBlocks(raw)
  expect(indexes).toEqual([0, 3, 4])
  expect(blocks.map((b) => b.type)).toEqual(parseBlocksLenient(raw).map((b) => b.type))
  const { container } = render(<BlockRenderer blocks={blocks} indexes={indexes} products={{}} />)
  expect([...container.querySelectorAll('.blk-frame')].map((el) => el.id)).toEqual(['blk-0', 'blk-3', 'blk-4'])
})

test('media of the new blocks is made absolute against the API base', () => {
  const { blocks } = renderableBlocks([look, { type: 'carousel', slides: [{ image: '/media/s1.jpg' }, { image: 'https://cdn.example.com/s2.jpg' }] }])
  expect(blocks[0]).toMatchObject({ image: 'http://api.test/media/look.jpg' })
  expect(blocks[1]).toMatchObject({ slides: [{ image: 'http://api.test/media/s1.jpg' }, { image: 'https://cdn.example.com/s2.jpg' }] })
})

test("a product the server says is launching (launchAt, from a countdown on another page) is 即将开售 here too", () => {
  jest.useFakeTimers({ now: new Date('2026-12-01T04:00:00Z') })
  const launching = { ...mug, launchAt: '2026-12-02T04:00:00Z' }
  const onBuy = jest.fn()
  render(<BlockRenderer blocks={[{ type: 'product', productId: mug.id }]} products={{ [mug.id]: launching }} launches={launchesOf([], { [mug.id]: launching })} onBuy={onBuy} />)
  fireEvent.click(screen.getByRole('button', { name: '即将开售' }))
  expect(onBuy).not.toHaveBeenCalled()
})
