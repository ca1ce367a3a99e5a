import type { Flag, Order } from '@core/contract/admin-orders'

export const FLAG: Flag = {
  id: 'flg_1',
  kind: 'AMOUNT_MISMATCH',
  message: 'WeChat Pay reported 100 fen for an order of 25800 fen',
  orderId: 'ord_2',
  outTradeNo: 'T2026000002',
  outRefundNo: null,
  details: {},
  createdAt: '2026-03-02T05:00:00.000Z',
  resolvedAt: null
}

export function order(over: Partial<Order> = {}): Order {
  return {
    id: 'ord_1',
    outTradeNo: 'T2026000001',
    status: 'paid',
    totalFen: 25800,
    discountFen: 0,
    payableFen: 25800,
    refundedFen: 0,
    items: [
      { skuId: 'sku_1', title: '亚麻衬衫', attrs: { 颜色: '黑', 尺码: 'M' }, priceFen: 12900, qty: 2 }
    ],
    address: { name: '张三', phone: '13800000000', province: '上海市', city: '上海市', district: '徐汇区', detail: '漕溪北路 1 号' },
    attribution: { shareId: 'shr_9', sharerId: 'usr_sharer', contentSlug: 'spring', depth: 2, scene: 1007 },
    userId: 'usr_buyer',
    createdAt: '2026-03-02T03:00:00.000Z',
    expiresAt: '2026-03-02T03:15:00.000Z',
    paidAt: '2026-03-02T03:01:00.000Z',
    payment: { outTradeNo: 'T2026000001', transactionId: '4200000001', prepayId: 'wx1', payRequestedAt: '2026-03-02T03:00:30.000Z', paidAt: '2026-03-02T03:01:00.000Z' },
    refunds: [],
    shipments: [],
    flags: [],
    wechatTasks: [],
    ...over
  }
}
