import { render, screen } from '@testing-library/react'
import { EmptyState } from '../../../src/app/components/empty-state'
import { asciiBase64, emptyArtSrc, svgOf, type EmptyArt } from '../../../src/app/components/empty-art'

const ARTS: EmptyArt[] = ['cart', 'orders', 'feed', 'goods', 'problem']

test('each drawing is a small SVG handed over as base64 (WeChat has no btoa)', () => {
  for (const art of ARTS) {
    const svg = svgOf(art)
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*>.*<\/svg>$/)
    expect(Buffer.byteLength(svg)).toBeLessThan(1024)
    expect(emptyArtSrc(art)).toBe(`data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`)
  }
  for (const text of ['', 'a', 'ab', 'abc', 'abcd']) expect(asciiBase64(text)).toBe(Buffer.from(text).toString('base64'))
})

test('an empty state draws its picture instead of a bare circle', () => {
  render(<EmptyState art='cart' title='购物车还是空的' />)
  expect(document.querySelector('img')).toHaveAttribute('src', emptyArtSrc('cart'))
  expect(screen.queryByText('○')).not.toBeInTheDocument()
})
