// The server cart: it prices every line (live price and stock) and keeps the cart
// of a logged-in shopper across devices.
import type { CartDto, CartItem } from '@core/contract/cart'
import { api } from './api'
import { mediaUrl } from './env'

function absolute(cart: CartDto): CartDto {
  return { ...cart, items: cart.items.map((line) => (line.image ? { ...line, image: mediaUrl(line.image) } : line)) }
}

export async function fetchServerCart(): Promise<CartDto> {
  return absolute(await api.get<CartDto>('/api/v1/cart', { auth: 'required' }))
}

/** Replaces the server cart; with merge, the items join it instead (a guest cart, right after login). */
export async function saveServerCart(items: CartItem[], options: { merge?: boolean } = {}): Promise<CartDto> {
  return absolute(await api.put<CartDto>('/api/v1/cart', { items, ...(options.merge ? { merge: true } : {}) }, { auth: 'required' }))
}
