// Empty-state drawings in the brand's line style: ink strokes on a sand disc with
// one camellia-red accent. Kept as SVG text (a few hundred bytes each, no files in
// the main package) and handed to <Image> as base64 data URIs, which both WeChat's
// image component and browsers accept.
export type EmptyArt = 'cart' | 'orders' | 'feed' | 'goods' | 'problem' | 'coupon' | 'share'

const INK = '#2b2622'
const RED = '#9c4a2c'
const disc = `<circle cx="60" cy="60" r="56" fill="#ece5dc"/>`
const stroke = `fill="none" stroke="${INK}" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"`

const DRAWINGS: Record<EmptyArt, string> = {
  // A shopping bag with a camellia bud on it.
  cart: `<path d="M36 46h48l-4 40H40z" ${stroke}/><path d="M48 46v-6a12 12 0 0 1 24 0v6" ${stroke}/><circle cx="60" cy="66" r="6" fill="${RED}"/>`,
  // A folded receipt with its lines.
  orders: `<path d="M40 30h40v60l-7-5-6 5-7-5-6 5-7-5-7 5z" ${stroke}/><path d="M48 46h24M48 56h24M48 66h14" ${stroke}/><circle cx="72" cy="66" r="3" fill="${RED}"/>`,
  // A camellia: five petals and a leaf.
  feed: `<path d="M60 84c-10 0-18-8-18-18 0-8 6-14 10-16 2-6 6-10 8-10s6 4 8 10c4 2 10 8 10 16 0 10-8 18-18 18z" ${stroke}/><circle cx="60" cy="64" r="6" fill="${RED}"/><path d="M60 84c0 6 4 10 12 12" ${stroke}/>`,
  // A parcel box.
  goods: `<path d="M36 48l24-12 24 12v28L60 88 36 76z" ${stroke}/><path d="M36 48l24 12 24-12M60 60v28" ${stroke}/><circle cx="72" cy="42" r="3" fill="${RED}"/>`,
  // A coupon: a ticket with notched sides and a dotted tear line.
  coupon: `<path d="M32 44h56v10a6 6 0 0 0 0 12v10H32V66a6 6 0 0 0 0-12z" ${stroke}/><path d="M70 46v4M70 58v4M70 70v4" ${stroke}/><circle cx="50" cy="60" r="5" fill="${RED}"/>`,
  // Sharing: three linked dots.
  share: `<circle cx="42" cy="60" r="8" ${stroke}/><circle cx="78" cy="42" r="8" ${stroke}/><circle cx="78" cy="78" r="8" fill="${RED}"/><path d="M49 56l22-10M49 64l22 10" ${stroke}/>`,
  // Something needs attention: an exclamation in a brush circle.
  problem: `<circle cx="60" cy="60" r="26" ${stroke}/><path d="M60 48v14" ${stroke}/><circle cx="60" cy="71" r="2.5" fill="${RED}"/>`
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Base64 of ASCII text: the drawings are ASCII, and WeChat has no btoa. */
export function asciiBase64(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i += 3) {
    const [a, b, c] = [text.charCodeAt(i), text.charCodeAt(i + 1), text.charCodeAt(i + 2)]
    const n = (a << 16) | ((b || 0) << 8) | (c || 0)
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < text.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < text.length ? B64[n & 63] : '=')
  }
  return out
}

export function svgOf(art: EmptyArt): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 120" width="120" height="120">${disc}${DRAWINGS[art]}</svg>`
}

export function emptyArtSrc(art: EmptyArt): string {
  return `data:image/svg+xml;base64,${asciiBase64(svgOf(art))}`
}
