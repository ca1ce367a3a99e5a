/**
 * The one error mapper: every failure leaves as
 * `{"error":{"code","message","details"}}`. AppErrors carry their own
 * status; Fastify's and multipart's errors are translated here; anything
 * else is a bug: 500 INTERNAL, logged with its stack, no internals sent.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ErrorCode } from '@core/error-codes'
import { AppError } from './app-error'

const fastifyCodes: Record<string, [number, ErrorCode, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'INVALID_JSON', 'The body is not valid JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'INVALID_JSON', 'The body is empty but says it is JSON; send {} or no Content-Type'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'PAYLOAD_TOO_LARGE', 'The body is larger than this endpoint accepts'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE', 'Send Content-Type: application/json'],
  FST_ERR_BAD_URL: [400, 'BAD_URL', 'The URL is not valid (a malformed percent-encoding?)'],
  FST_ERR_ASYNC_CONSTRAINT: [400, 'BAD_REQUEST', 'The request matches no route constraint'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'INVALID_CONTENT_LENGTH', 'Content-Length does not match the body'],
  FST_REQ_FILE_TOO_LARGE: [413, 'FILE_TOO_LARGE', 'The file is larger than the upload limit'],
  FST_FILES_LIMIT: [413, 'PAYLOAD_TOO_LARGE', 'Send one file per upload'],
  FST_PARTS_LIMIT: [413, 'PAYLOAD_TOO_LARGE', 'Too many form parts'],
  FST_FIELDS_LIMIT: [413, 'PAYLOAD_TOO_LARGE', 'Too many form fields'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE', 'Upload with Content-Type: multipart/form-data'],
  FST_PROTO_VIOLATION: [400, 'VALIDATION_FAILED', 'Field name not allowed'],
  FST_MP_PREMATURE_CLOSE: [400, 'VALIDATION_FAILED', 'The upload ended early']
}

/** Fastify's `frameworkErrors` option: errors raised before a route is chosen, in the one shape. */
export function onFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const [status, code, message] = (error.code ? fastifyCodes[error.code] : undefined) ?? [400, 'BAD_REQUEST', error.message]
  void reply.status(status).send(body(code, message))
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.code === 'FST_ERR_RESPONSE_SERIALIZATION') {
      // Our answer broke its own contract: a bug on our side, never sent half-checked.
      request.log.error({ err: error, issues: (error.cause as { issues?: unknown } | undefined)?.issues }, 'answer does not match its response schema')
      return reply.status(500).send(body('INTERNAL', 'Something went wrong on our side; the request id is in X-Request-Id'))
    }
    if (error instanceof AppError) {
      if (error.status >= 500) request.log.error({ err: error }, error.message)
      return reply.status(error.status).send(body(error.code, error.message, error.details))
    }
    const known = error.code ? fastifyCodes[error.code] : undefined
    if (known) {
      const [status, code, message] = known
      return reply.status(status).send(body(code, message))
    }
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      request.log.warn({ err: error }, 'unmapped client error')
      return reply.status(error.statusCode).send(body('BAD_REQUEST', error.message))
    }
    request.log.error({ err: error }, 'unhandled error')
    return reply.status(500).send(body('INTERNAL', 'Something went wrong on our side; the request id is in X-Request-Id'))
  })

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send(body('ROUTE_NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`))
  })
}

/** The one error body; typed so the server cannot answer a code outside ErrorCode. */
export type ErrorBody = { error: { code: ErrorCode; message: string; details: unknown } }

export function errorBody(code: ErrorCode, message: string, details?: unknown): ErrorBody {
  return { error: { code, message, details: details ?? null } }
}

const body = errorBody
