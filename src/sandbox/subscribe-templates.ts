// The templates this mini-program has picked from the public library (订阅消息 → 我的模板).
// Keys are named by value type and position, as WeChat names them.

export interface Template {
  id: string
  title: string
  /** The kind the backend's WECHAT_SUBSCRIBE_TEMPLATES names it by. */
  kind: 'shipped' | 'refund' | 'afterSale' | 'launch'
  keys: Record<string, string>
}

export const TEMPLATES: readonly Template[] = [
  {
    id: 'Wq3kVd8rJmZ1xT0bN5cYhL2gFsP7aEo9uR4iK6wQeDn',
    title: '订单发货通知',
    kind: 'shipped',
    keys: { character_string1: '订单号', thing2: '商品名称', thing3: '快递公司', character_string4: '快递单号', time5: '发货时间' }
  },
  {
    id: 'Rf7pLs2nXc9vB4mK1tH6jQ0wZy3dG8eA5uN2oI7rTkU',
    title: '退款结果通知',
    kind: 'refund',
    keys: { character_string1: '订单号', amount2: '退款金额', phrase3: '退款状态', time4: '处理时间', thing5: '备注' }
  },
  {
    id: 'Hn5tQw8eRz1yU4iO7pA0sD3fG6hJ9kL2xC5vB8nM1qW',
    title: '售后结果通知',
    kind: 'afterSale',
    keys: { character_string1: '订单号', phrase2: '售后类型', phrase3: '处理结果', time4: '处理时间', thing5: '备注' }
  },
  {
    id: 'Ye2uI5oP8aS1dF4gH7jK0lZ3xC6vB9nM2qW5eR8tYuI',
    title: '新品上架提醒',
    kind: 'launch',
    keys: { thing1: '商品名称', amount2: '商品价格', time3: '上架时间', thing4: '温馨提示' }
  }
]

export const templateById = (id: string): Template | undefined => TEMPLATES.find((t) => t.id === id)

/** The backend's WECHAT_SUBSCRIBE_TEMPLATES for these templates. */
export function subscribeTemplatesEnv(): string {
  return JSON.stringify(Object.fromEntries(TEMPLATES.map((t) => [t.kind, t.id])))
}
