/**
 * The order number a shopper reads out to customer service: the merchant trade
 * number WeChat Pay's bill also shows (so support finds the order from either),
 * in groups of four. Copying takes the number itself, without the spaces.
 */
export function readableOrderNo(outTradeNo: string): string {
  return (outTradeNo.match(/.{1,4}/g) ?? []).join(' ')
}
