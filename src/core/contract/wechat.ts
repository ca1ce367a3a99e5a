/**
 * What WeChat calls on this server: the message push (`/api/v1/wechat/message`,
 * JSON format, signed in the query) and WeChat Pay's payment and refund
 * notifications (signed raw bodies; answered 204 or with WeChat's failure body).
 */
import { z } from 'zod'
import { coded } from './common'

/** The signature WeChat puts in the push URL's query (msg_signature in safe mode). */
export const messagePushQuery = z
  .object({
    signature: z.string().optional(),
    timestamp: z.string().optional(),
    nonce: z.string().optional(),
    echostr: z.string().optional(),
    msg_signature: z.string().optional(),
    encrypt_type: z.string().optional(),
    openid: z.string().optional()
  })
  .loose()
export type MessagePushQuery = z.infer<typeof messagePushQuery>

/** A push: the event's fields, or `{Encrypt}` in safe mode. */
export const messagePush = coded(z.record(z.string(), z.unknown()).describe('a WeChat push in JSON (or {"Encrypt":…} in safe mode)'), 'INVALID_MESSAGE')

const plainText = (description: string) => ({ description, content: { 'text/plain': { schema: z.string() } } })
/** GET: the URL check echoes `echostr`. */
export const messageCheckResponses = { 200: plainText('echostr, when the signature is right') } as const
/** POST: `success` once the push is handled. */
export const messagePushResponses = { 200: plainText('`success`') } as const

/** WeChat Pay's failure answer, which makes WeChat retry later. */
export const wechatPayFailBody = z.object({ code: z.literal('FAIL'), message: z.string() }).meta({ id: 'WechatPayFail' })
export type WechatPayFailBody = z.infer<typeof wechatPayFailBody>

export const wechatPayNotifyResponses = {
  204: { description: 'accepted (also for a notification handled before)', content: { 'text/plain': { schema: z.any().describe('empty') } } },
  '4xx': wechatPayFailBody,
  '5xx': wechatPayFailBody
} as const
