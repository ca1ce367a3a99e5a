/**
 * WeChat's message push (开发设置 → 消息推送), JSON format:
 *   GET  /api/v1/wechat/message  the URL check: echoes `echostr` when `signature` is right;
 *   POST /api/v1/wechat/message  a push, signed in the query (safe mode: msg_signature over
 *                                Encrypt too, which is then decrypted); answers `success`.
 * A bad or missing signature answers 401 and changes nothing; without
 * WECHAT_MESSAGE_TOKEN every call is refused (nothing could be checked).
 * The query's signature is checked before the body is (preValidation), so
 * an unsigned caller learns nothing about what a push may hold.
 */
import { errorResponses } from '@core/contract/common'
import { messageCheckResponses, messagePush, messagePushQuery, messagePushResponses, type MessagePushQuery } from '@core/contract/wechat'
import { AppError } from '../http/app-error'
import { handleWechatPush } from '../flows/receipt/handle-push'
import { decryptPush, PushDecryptError, pushSignature, signatureMatches } from '../wechat/mp/message-crypto'
import type { RegisterRoutes } from './route'

function refuse(): never {
  throw new AppError(401, 'BAD_SIGNATURE', 'The message signature does not match WECHAT_MESSAGE_TOKEN')
}

export const wechatMessageRoutes: RegisterRoutes = (app, deps) => {
  const token = (): string => {
    const t = deps.config.wechatMessage.token
    if (!t) throw new AppError(401, 'MESSAGE_PUSH_OFF', 'Message push is not configured on this server (WECHAT_MESSAGE_TOKEN)')
    return t
  }
  const signed = (q: MessagePushQuery, t: string): boolean =>
    signatureMatches(pushSignature([t, q.timestamp ?? '', q.nonce ?? '']), q.signature)
  // Runs before the query is validated, so it reads the raw query (strings, or arrays for repeated keys).
  const preValidation = async (request: { query: unknown }): Promise<void> => {
    if (!signed(request.query as MessagePushQuery, token())) refuse()
  }
  const tags = ['WeChat → server']

  app.get(
    '/api/v1/wechat/message',
    { preValidation, schema: { tags, querystring: messagePushQuery, response: { ...messageCheckResponses, ...errorResponses } } },
    async (request, reply) => reply.type('text/plain; charset=utf-8').send(request.query.echostr ?? '')
  )

  app.post(
    '/api/v1/wechat/message',
    { preValidation, schema: { tags, querystring: messagePushQuery, body: messagePush, response: { ...messagePushResponses, ...errorResponses } } },
    async (request, reply) => {
      const q = request.query
      const t = token()
      let msg = request.body
      const aesKey = deps.config.wechatMessage.aesKey
      if (aesKey) {
        // Safe mode: only the encrypted part counts; plaintext fields beside it are ignored.
        const encrypted = msg.Encrypt
        if (typeof encrypted !== 'string') throw new AppError(400, 'INVALID_MESSAGE', 'Safe mode is on (WECHAT_MESSAGE_AES_KEY): the push needs Encrypt')
        if (!signatureMatches(pushSignature([t, q.timestamp ?? '', q.nonce ?? '', encrypted]), q.msg_signature)) refuse()
        try {
          msg = JSON.parse(decryptPush(aesKey, deps.config.wechat.appId, encrypted)) as Record<string, unknown>
        } catch (e) {
          if (e instanceof PushDecryptError || e instanceof SyntaxError) throw new AppError(400, 'INVALID_MESSAGE', `The push could not be decrypted: ${e.message}`)
          throw e
        }
      } else if (typeof msg.Encrypt === 'string') {
        throw new AppError(400, 'INVALID_MESSAGE', 'The push is encrypted but WECHAT_MESSAGE_AES_KEY is not set')
      }
      const outcome = await handleWechatPush(deps, msg)
      request.log.info({ event: msg.Event, outcome }, 'WeChat message push')
      return reply.type('text/plain; charset=utf-8').send('success')
    }
  )
}
