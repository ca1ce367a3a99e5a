// Browser APIs antd needs that jsdom lacks. NOTE: jsdom has no layout, so
// these only have to exist, not measure.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false
  })
})

class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
;(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = NoResizeObserver

// antd's scrollbar measuring calls getComputedStyle with a pseudo-element, which jsdom refuses.
const realGetComputedStyle = window.getComputedStyle.bind(window)
window.getComputedStyle = (el: Element) => realGetComputedStyle(el)

// dnd-kit and antd ask for these on elements.
if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => undefined

beforeEach(() => {
  window.location.hash = ''
})

// Screens load lazily and antd is heavy to require the first time in a test file.
require('@testing-library/react').configure({ asyncUtilTimeout: 10_000 })
// antd re-renders a lot per keystroke; on a shared 2-core machine a form test can take a while.
jest.setTimeout(90_000)

// jsdom under jest lacks TextEncoder (qrcode encodes the preview link with it); Node's is the same API.
if (typeof globalThis.TextEncoder === 'undefined') {
  const { TextEncoder, TextDecoder } = require('node:util')
  Object.assign(globalThis, { TextEncoder, TextDecoder })
}
