/**
 * WeChat's message push (开发设置 → 消息推送), JSON format:
 *   GET  /api/v1/wechat/message  the URL check: echoes `echostr` when `signature` is right;
 *   POST /api/v1/wechat/message  a push, signed in the query (safe mode: msg_signature over
 *                                Encrypt too, which is then decrypted); answers `success`.
 * A bad or missing signature answers 401 and changes nothing; without
 * WECHAT_MESSAGE_TOKEN every call is refused (nothing could be checked).
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { AppError } from '../http/app-error'
import { handleWechatPush } from '../flows/receipt/handle-push'
import { decryptPush, PushDecryptError, pushSignature, signatureMatches } from '../wechat/mp/message-crypto'
import type { RegisterRoutes } from './route'

type Query = Record<string, string | undefined>

function refuse(): never {
  throw new AppError(401, 'BAD_SIGNATURE', 'The message signature does not match WECHAT_MESSAGE_TOKEN')
}

export const wechatMessageRoutes: RegisterRoutes = (app, deps) => {
  const token = (): string => {
    const t = deps.config.wechatMessage.token
    if (!t) throw new AppError(401, 'MESSAGE_PUSH_OFF', 'Message push is not configured on this server (WECHAT_MESSAGE_TOKEN)')
    return t
  }
  const signed = (q: Query, t: string): boolean =>
    signatureMatches(pushSignature([t, q.timestamp ?? '', q.nonce ?? '']), q.signature)

  app.get('/api/v1/wechat/message', async (request: FastifyRequest, reply: FastifyReply) => {
    const q = request.query as Query
    if (!signed(q, token())) refuse()
    return reply.type('text/plain; charset=utf-8').send(q.echostr ?? '')
  })

  app.post('/api/v1/wechat/message', async (request: FastifyRequest, reply: FastifyReply) => {
    const q = request.query as Query
    const t = token()
    if (!signed(q, t)) refuse()
    const body = request.body
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new AppError(400, 'INVALID_MESSAGE', 'The push must be a JSON object')
    let msg = body as Record<string, unknown>
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
  })
}
