/**
 * WeChat Pay → us: POST /api/v1/wechatpay/notify and …/refund-notify.
 * They live in their own encapsulated context whose only body parser keeps
 * the raw bytes, because the signature is over the body exactly as sent
 * (a re-serialised JSON would not verify). Answers: 204, or 4xx/5xx with
 * WeChat's failure body `{"code":"FAIL","message":…}`, which makes WeChat
 * retry later.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { wechatPayNotifyResponses } from '@core/contract/wechat'
import type { Deps } from '../deps'
import { handlePayNotify, type NotifyAnswer } from '../flows/payments/handle-pay-notify'
import { PAY_NOTIFY_PATH } from '../flows/payments/pay-order'
import { handleRefundNotify } from '../flows/refunds/handle-refund-notify'
import { REFUND_NOTIFY_PATH } from '../flows/refunds/send-refund'
import type { RegisterRoutes } from './route'

const NOTIFY_BODY_LIMIT = 64 * 1024

function answer(request: FastifyRequest, reply: FastifyReply, a: NotifyAnswer) {
  if (!('message' in a)) return reply.status(204).send()
  request.log.warn({ status: a.status, reason: a.message }, 'WeChat Pay notification refused')
  return reply.status(a.status).send({ code: 'FAIL', message: a.message })
}

async function notifyContext(child: FastifyInstance, deps: Deps): Promise<void> {
  child.removeAllContentTypeParsers()
  child.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: NOTIFY_BODY_LIMIT }, (_req, body, done) => done(null, body))
  child.setErrorHandler((error: FastifyError, request, reply) => {
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500
    if (status === 500) request.log.error({ err: error }, 'WeChat Pay notification failed')
    return reply.status(status).send({ code: 'FAIL', message: status === 500 ? 'internal error; retry later' : error.message })
  })
  const raw = (request: FastifyRequest): Buffer => (Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0))
  const schema = (summary: string) => ({ tags: ['WeChat → server'], summary, consumes: ['application/json'], response: wechatPayNotifyResponses })
  child.post(PAY_NOTIFY_PATH, { schema: schema('WeChat Pay: a payment succeeded (signed, encrypted resource)') }, async (request, reply) =>
    answer(request, reply, await handlePayNotify(deps, request.headers, raw(request)))
  )
  child.post(REFUND_NOTIFY_PATH, { schema: schema('WeChat Pay: a refund settled (signed, encrypted resource)') }, async (request, reply) =>
    answer(request, reply, await handleRefundNotify(deps, request.headers, raw(request)))
  )
}

export const wechatpayNotifyRoutes: RegisterRoutes = (app, deps) => {
  void app.register(async (child) => notifyContext(child, deps))
}
