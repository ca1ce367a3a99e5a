import { json, type Reply } from './http'

/** WeChat Pay's error body: `{code, message, detail?}` with WeChat's status code. */
export function payError(status: number, code: string, message: string, detail?: Record<string, unknown>): Reply {
  return json(status, detail ? { code, message, detail } : { code, message })
}

export function paramError(field: string, value: unknown, issue: string): Reply {
  return payError(400, 'PARAM_ERROR', `参数错误：${field} ${issue}`, { field, value, issue, location: 'body' })
}

export const orderNotExist = (): Reply => payError(404, 'ORDER_NOT_EXIST', '订单不存在')
