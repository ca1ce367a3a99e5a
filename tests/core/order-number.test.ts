import { makeOutTradeNo } from '@core/order'
import { readableOrderNo } from '@core/order-number'

test('groups the merchant trade number in fours and keeps every character', () => {
  expect(readableOrderNo('ordAbCdEf12345_1')).toBe('ordA bCdE f123 45_1')
  const real = makeOutTradeNo('ord_x7kQ2fLp9ZmN4rTs8vWy', 1)
  expect(readableOrderNo(real).replace(/ /g, '')).toBe(real)
  expect(readableOrderNo('')).toBe('')
})
