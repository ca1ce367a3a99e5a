import { render, screen, within, fireEvent } from '@testing-library/react'
import { parseBlocksLenient } from '@core/content'
import { BlockRenderer } from '../../../src/app/components/blocks/block-renderer'
import { summerPage, tee, mug, soldOutVase } from '../helpers/fixtures'

const { blocks } = summerPage.page
const products = summerPage.products

test('every block type of the contract renders: hero, text paragraphs, image with caption, product, grid, video', () => {
  const { container } = render(<BlockRenderer blocks={blocks} products={products} />)
  expect(screen.getByText('夏日亚麻')).toBeInTheDocument()
  expect(screen.getByText('轻一点，慢一点')).toBeInTheDocument()
  expect(screen.getByText('第一段。')).toBeInTheDocument()
  expect(screen.getByText('第二段。')).toBeInTheDocument()
  expect(screen.getByText('清晨的光')).toBeInTheDocument()
  expect(screen.getByText('一起带走')).toBeInTheDocument()
  const video = container.querySelector('video')
  expect(video).toHaveAttribute('src', '/media/film.mp4')
  expect(video).toHaveAttribute('poster', '/media/poster.jpg')
  expect(container.querySelectorAll('img').length).toBeGreaterThanOrEqual(5)
})

test('a product block shows live price and stock and adds to the cart in place', () => {
  const onBuy = jest.fn()
  const onOpen = jest.fn()
  render(<BlockRenderer blocks={[{ type: 'product', productId: tee.id }]} products={products} onBuy={onBuy} onOpen={onOpen} />)
  const [card] = screen.getAllByLabelText(tee.title) // the card first, then its image
  // SKUs at 199 and 219: the lowest price, marked as a starting price; 7 in stock → "仅剩 7 件".
  expect(within(card).getByText(/¥199/)).toBeInTheDocument()
  expect(within(card).getByText('起')).toBeInTheDocument()
  expect(within(card).getByText('仅剩 7 件')).toBeInTheDocument()
  fireEvent.click(within(card).getByRole('button', { name: '加入购物车' }))
  // Every action names the block it came from (index in the saved page, type).
  expect(onBuy).toHaveBeenCalledWith(tee, { blockIndex: 0, blockType: 'product' })
  fireEvent.click(within(card).getByText(tee.title))
  expect(onOpen).toHaveBeenCalledWith(tee, { blockIndex: 0, blockType: 'product' })
})

test('a sold-out product cannot be added; a product that no longer exists says so', () => {
  const onBuy = jest.fn()
  render(
    <BlockRenderer
      blocks={[
        { type: 'product', productId: soldOutVase.id },
        { type: 'product', productId: 'p-gone' }
      ]}
      products={products}
      onBuy={onBuy}
    />
  )
  const button = within(screen.getAllByLabelText(soldOutVase.title)[0]).getByRole('button', { name: '已售罄' })
  expect(button).toHaveAttribute('aria-disabled', 'true')
  fireEvent.click(button)
  expect(onBuy).not.toHaveBeenCalled()
  expect(screen.getByText('该商品已下架')).toBeInTheDocument()
})

test('the product grid offers each in-stock product with its price', () => {
  const onBuy = jest.fn()
  render(<BlockRenderer blocks={[{ type: 'product-grid', productIds: [mug.id, soldOutVase.id] }]} products={products} onBuy={onBuy} />)
  expect(screen.getByText('¥88')).toBeInTheDocument()
  fireEvent.click(screen.getByRole('button', { name: `${mug.title} 加入购物车` }))
  expect(onBuy).toHaveBeenCalledWith(mug, { blockIndex: 0, blockType: 'product-grid' })
  expect(screen.getByRole('button', { name: `${soldOutVase.title} 已售罄` })).toHaveAttribute('aria-disabled', 'true')
})

test('read-only (Moments single-page mode): prices show, nothing can be bought', () => {
  const onBuy = jest.fn()
  render(<BlockRenderer blocks={blocks} products={products} readOnly onBuy={onBuy} />)
  expect(screen.queryByRole('button', { name: '加入购物车' })).toBeNull()
  expect(screen.queryByRole('button', { name: /加入购物车/ })).toBeNull()
  expect(screen.getByText('在小程序中购买')).toBeInTheDocument()
})

test('blocks of a type this app does not know are skipped, not a crash', () => {
  const onSkip = jest.fn()
  const parsed = parseBlocksLenient([{ type: 'gallery', images: [] }, { type: 'text', text: '还在' }], onSkip)
  render(<BlockRenderer blocks={parsed} products={{}} />)
  expect(screen.getByText('还在')).toBeInTheDocument()
  expect(onSkip).toHaveBeenCalledWith(0, expect.any(Array))
})
