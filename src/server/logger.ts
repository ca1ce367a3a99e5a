/**
 * pino options for Fastify's logger. Secrets never reach a log line:
 * auth headers, cookies and secret-looking fields are redacted, and the
 * request serializer drops query values that are credentials
 * (preview tokens, login codes).
 */
import type { FastifyServerOptions } from 'fastify'

export interface LogOptions {
  level?: string
  /** Where lines go (default stdout); tests pass a stream to read them; LOG_FILE gives a RotatingFile. */
  stream?: NodeJS.WritableStream | { write(line: string): unknown }
}

const SECRET_QUERY = /([?&](?:preview|code|token|access_token|js_code|secret|signature|msg_signature)=)[^&]*/gi

export function redactUrl(url: string): string {
  return url.replace(SECRET_QUERY, '$1[redacted]')
}

export function loggerOptions(opts: LogOptions = {}): FastifyServerOptions['logger'] {
  return {
    level: opts.level ?? 'info',
    ...(opts.stream ? { stream: opts.stream } : {}),
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.password',
        '*.passwordHash',
        '*.secret',
        '*.sessionKey',
        '*.session_key',
        '*.token',
        '*.apiV3Key',
        '*.privateKeyPem',
        '*.accessToken',
        '*.access_token',
        '*.metricsToken',
        '*.authorization',
        '*.cookie'
      ],
      censor: '[redacted]'
    },
    serializers: {
      req: (req: { method: string; url: string; ip?: string; id?: string }) => ({
        method: req.method,
        url: redactUrl(req.url),
        remoteAddress: req.ip
      })
    }
  }
}
