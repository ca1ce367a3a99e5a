/**
 * The shopper's side of fulfilment: confirm receipt, find an order by
 * WeChat Pay's ids (the page a service message opens), the carriers of the
 * return-parcel form.
 */
import { z } from 'zod'

export { carriersResponse, type CarriersResponse } from './shipping'

export const orderLookupQuery = z
  .object({
    transaction_id: z.string().regex(/^[0-9A-Za-z_-]{1,64}$/).optional(),
    merchant_trade_no: z.string().regex(/^[0-9A-Za-z_*-]{1,64}$/).optional()
  })
  .refine((q) => q.transaction_id || q.merchant_trade_no, { message: 'give transaction_id or merchant_trade_no', path: ['transaction_id'] })
export type OrderLookupQuery = z.infer<typeof orderLookupQuery>
