import { fireEvent, render, screen, within } from '@testing-library/react'
import type { Product } from '@core/catalog'
import { SkuPicker } from '../../../src/app/components/sku-picker'
import { mug, tee } from '../helpers/fixtures'

// 白/黑 × M/L, where 白-L is sold out and 黑-L does not exist.
function open(product: Product = tee, actions: Array<'cart' | 'buy'> = ['cart', 'buy']) {
  const onConfirm = jest.fn()
  const onClose = jest.fn()
  render(<SkuPicker product={product} actions={actions} onConfirm={onConfirm} onClose={onClose} />)
  const chip = (group: string, name: string | RegExp) => within(screen.getByLabelText(group)).getByRole('button', { name })
  return { onConfirm, onClose, chip }
}

test('the confirm buttons wait until every attribute is chosen', () => {
  const { chip, onConfirm } = open()
  expect(screen.getByText('请选择 颜色／尺码')).toBeInTheDocument()
  const add = screen.getByRole('button', { name: '加入购物车' })
  expect(add).toHaveAttribute('aria-disabled', 'true')
  fireEvent.click(add)
  expect(onConfirm).not.toHaveBeenCalled()

  fireEvent.click(chip('颜色', '白'))
  expect(screen.getByText('请选择 尺码')).toBeInTheDocument()
  fireEvent.click(chip('尺码', 'M'))
  expect(screen.getByText('库存 5 件')).toBeInTheDocument()
  expect(screen.getByText('¥199')).toBeInTheDocument()
  fireEvent.click(screen.getByRole('button', { name: '立即购买' }))
  expect(onConfirm).toHaveBeenCalledWith(expect.objectContaining({ id: 'sku-tee-white-m' }), 1, 'buy')
})

test('a sold-out choice is shown but disabled; a combination that does not exist cannot be picked', () => {
  const { chip } = open()
  fireEvent.click(chip('颜色', '白'))
  const soldOutL = chip('尺码', 'L（售罄）')
  expect(soldOutL).toHaveAttribute('aria-disabled', 'true')
  fireEvent.click(soldOutL)
  expect(soldOutL).toHaveAttribute('aria-pressed', 'false')

  fireEvent.click(chip('颜色', '白')) // unchoose
  fireEvent.click(chip('颜色', '黑'))
  const missingL = chip('尺码', 'L')
  expect(missingL).toHaveAttribute('aria-disabled', 'true')
  expect(missingL.className).toContain('sku__chip--unavailable')
  // 黑 M is fine and shows its own price.
  fireEvent.click(chip('尺码', 'M'))
  expect(screen.getByText('¥219')).toBeInTheDocument()
  expect(screen.getByText('库存 2 件')).toBeInTheDocument()
})

test('quantity is capped by the chosen SKU stock', () => {
  const { chip, onConfirm } = open(tee, ['cart'])
  fireEvent.click(chip('颜色', '黑'))
  fireEvent.click(chip('尺码', 'M'))
  const plus = screen.getByRole('button', { name: '增加' })
  fireEvent.click(plus)
  expect(plus).toHaveAttribute('aria-disabled', 'true')
  fireEvent.click(plus)
  fireEvent.click(screen.getByRole('button', { name: '加入购物车' }))
  expect(onConfirm).toHaveBeenCalledWith(expect.objectContaining({ id: 'sku-tee-black-m' }), 2, 'cart')
})

test('a product with a single SKU and no attributes is ready to add at once; closing is one tap', () => {
  const { onConfirm, onClose } = open(mug, ['cart'])
  fireEvent.click(screen.getByRole('button', { name: '加入购物车' }))
  expect(onConfirm).toHaveBeenCalledWith(expect.objectContaining({ id: 'sku-mug' }), 1, 'cart')
  fireEvent.click(screen.getByRole('button', { name: '关闭' }))
  expect(onClose).toHaveBeenCalled()
})

test('the thumbnail follows the chosen colour when the product has one picture per colour', () => {
  const { chip } = open()
  const thumb = () => within(screen.getByLabelText('选择规格')).getByRole('img')
  expect(thumb()).toHaveAttribute('src', '/media/tee-1.jpg')
  fireEvent.click(chip('颜色', '黑'))
  expect(thumb()).toHaveAttribute('src', '/media/tee-2.jpg')
  fireEvent.click(chip('颜色', '黑')) // unchoose
  expect(thumb()).toHaveAttribute('src', '/media/tee-1.jpg')
})
