import { fireEvent, render, screen, within } from '@testing-library/react'
import { __reset, __router } from '../../setup/taro'
import ProductPage from '../../../src/app/pages/product/index'
import { useCartStore } from '../../../src/app/stores/cart-store'
import { fakeBackend } from '../helpers/fake-backend'
import { tee } from '../helpers/fixtures'

beforeEach(() => {
  __reset()
  useCartStore.setState({ lines: [], owner: null, priced: null, status: 'idle', error: null })
  fakeBackend()
    .on('GET', '/api/v1/products/p-tee', { body: { product: tee } })
    .on('POST', '/api/v1/events', { body: { accepted: 1, duplicates: 0, rejected: [] } })
  __router.params = { id: 'p-tee' }
})

const chip = (group: string, name: string) => within(screen.getByLabelText(group)).getByRole('button', { name })
const thumb = () => within(screen.getByLabelText('选择规格')).getByRole('img')

test('the chosen SKU shows on the page and is kept for the next opening; the picture follows the colour', async () => {
  render(<ProductPage />)
  fireEvent.click(await screen.findByText('选择规格与数量'))
  // tee has one picture per colour (白, 黑): the sheet shows the first until a colour is chosen.
  expect(thumb()).toHaveAttribute('src', 'http://api.test/media/tee-1.jpg')
  fireEvent.click(chip('颜色', '黑'))
  expect(thumb()).toHaveAttribute('src', 'http://api.test/media/tee-2.jpg')
  expect(screen.getByLabelText('已选规格')).toHaveTextContent('颜色：黑，请选择 尺码')
  fireEvent.click(chip('尺码', 'M'))
  expect(screen.getByLabelText('已选规格')).toHaveTextContent('颜色：黑，尺码：M')

  fireEvent.click(screen.getByRole('button', { name: '关闭' }))
  expect(screen.queryByLabelText('选择规格')).not.toBeInTheDocument()
  expect(screen.getByText('已选')).toBeInTheDocument()
  expect(screen.getByLabelText('已选规格')).toHaveTextContent('颜色：黑，尺码：M')

  fireEvent.click(screen.getByLabelText('已选规格'))
  expect(chip('颜色', '黑')).toHaveAttribute('aria-pressed', 'true')
  expect(chip('尺码', 'M')).toHaveAttribute('aria-pressed', 'true')
  expect(thumb()).toHaveAttribute('src', 'http://api.test/media/tee-2.jpg')
  expect(screen.getByText('库存 2 件')).toBeInTheDocument()
})
