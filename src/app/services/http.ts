// The one place that calls Taro.request. Errors come back as ApiError values with
// the backend's UPPER_SNAKE code and a message a shopper can read.
import Taro from '@tarojs/taro'
import { type ErrorCode, isErrorCode } from '@core/error-codes'

/** Codes the app makes itself: no answer came, or WeChat's client API refused. */
export type LocalCode = 'NETWORK' | 'LOGIN_FAILED' | 'LOGIN_UNAVAILABLE' | 'WECHAT_TOO_OLD' | 'CONFIRM_UNAVAILABLE' | 'PICK_FAILED' | 'BAD_UPLOAD_ANSWER'

/** A server code, a local one, or HTTP_<status> for an answer without a code the app knows. */
export type ApiErrorCode = ErrorCode | LocalCode | `HTTP_${number}`

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

export type HttpRequest = {
  method: HttpMethod
  url: string
  body?: unknown
  headers?: Record<string, string>
}

type ErrorBody = { error?: { code?: string; message?: string; details?: unknown } }

const FRIENDLY: Record<number, string> = {
  0: '网络不太顺畅，请检查网络后重试',
  401: '登录已过期，请重试',
  404: '内容不存在或已下线',
  429: '操作太频繁，请稍后再试'
}

export function friendlyMessage(status: number, fallback?: string): string {
  return fallback || FRIENDLY[status] || (status >= 500 ? '服务暂时不可用，请稍后重试' : '请求失败，请重试')
}

/** Sends one request; 2xx answers resolve with the body, anything else throws ApiError. */
export async function httpRequest<T>(req: HttpRequest): Promise<T> {
  const header: Record<string, string> = { Accept: 'application/json', ...req.headers }
  if (req.body !== undefined) header['Content-Type'] = 'application/json'
  let res: Taro.request.SuccessCallbackResult<string | TaroGeneral.IAnyObject>
  try {
    res = await Taro.request({
      url: req.url,
      method: req.method,
      header,
      ...(req.body !== undefined ? { data: JSON.stringify(req.body) } : {}),
      dataType: 'json'
    })
  } catch (e) {
    throw new ApiError(0, 'NETWORK', friendlyMessage(0), { cause: (e as Error)?.message ?? String(e) })
  }
  let data: unknown = res.data
  if (typeof data === 'string' && data !== '') {
    try {
      data = JSON.parse(data)
    } catch {
      // Not JSON: keep the text so the error below shows what came back.
    }
  }
  if (res.statusCode >= 200 && res.statusCode < 300) return data as T
  const error = (data as ErrorBody | null)?.error
  throw new ApiError(res.statusCode, isErrorCode(error?.code) ? error.code : `HTTP_${res.statusCode}`, friendlyMessage(res.statusCode, error?.message), error?.details)
}
