// A slice of get_delivery_list (the real one has about 1,400 entries): the carriers a Chinese shop
// meets every day, with the ids WeChat uses in express_company.
export const CARRIERS: ReadonlyArray<{ delivery_id: string; delivery_name: string }> = [
  { delivery_id: 'SF', delivery_name: '顺丰速运' },
  { delivery_id: 'YTO', delivery_name: '圆通速递' },
  { delivery_id: 'ZTO', delivery_name: '中通快递' },
  { delivery_id: 'STO', delivery_name: '申通快递' },
  { delivery_id: 'YD', delivery_name: '韵达速递' },
  { delivery_id: 'JTSD', delivery_name: '极兔速递' },
  { delivery_id: 'EMS', delivery_name: '中国邮政速递物流' },
  { delivery_id: 'YZPY', delivery_name: '邮政快递包裹' },
  { delivery_id: 'JD', delivery_name: '京东物流' },
  { delivery_id: 'DBL', delivery_name: '德邦快递' },
  { delivery_id: 'HTKY', delivery_name: '百世快递' },
  { delivery_id: 'ZJS', delivery_name: '宅急送' },
  { delivery_id: 'UC', delivery_name: '优速快递' },
  { delivery_id: 'ANE', delivery_name: '安能物流' },
  { delivery_id: 'KYSY', delivery_name: '跨越速运' },
  { delivery_id: 'FWX', delivery_name: '丰网速运' },
  { delivery_id: 'DNWL', delivery_name: '丹鸟' },
  { delivery_id: 'ZTOKY', delivery_name: '中通快运' },
  { delivery_id: 'YDKY', delivery_name: '韵达快运' },
  { delivery_id: 'JDKY', delivery_name: '京东快运' },
  { delivery_id: 'SXJD', delivery_name: '顺心捷达' },
  { delivery_id: 'YMDD', delivery_name: '壹米滴答' },
  { delivery_id: 'ZYKD', delivery_name: '众邮快递' },
  { delivery_id: 'SNWL', delivery_name: '苏宁物流' },
  { delivery_id: 'HOAU', delivery_name: '天地华宇' },
  { delivery_id: 'BDT', delivery_name: '八达通' }
]

const IDS = new Set(CARRIERS.map((c) => c.delivery_id))

export const isCarrier = (id: string): boolean => IDS.has(id)
