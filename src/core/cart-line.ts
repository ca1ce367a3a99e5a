// The cart line and its limit, shared by cart editing and cart pricing.

/** seenPriceFen: the unit price the shopper saw when adding; a different current price is PRICE_CHANGED. */
export type CartLine = { skuId: string; qty: number; seenPriceFen?: number }

export const MAX_LINE_QTY = 99
