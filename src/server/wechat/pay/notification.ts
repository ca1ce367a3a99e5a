/**
 * Opens a WeChat Pay notification (payment or refund): signature over the
 * raw body within 300 s, then the envelope, then the AES-256-GCM resource.
 * Any failure is a refusal with the HTTP status to answer (401 for a bad
 * signature, 400 for the rest), so the handler changes nothing.
 */
import { z } from 'zod'
import { err, ok, type Result } from '@core/result'
import { decryptResource } from './aead'
import type { PayKeys } from './keys'
import { verifyWechatpaySignature, type SignedHeaders } from './signing'

export interface Notification {
  id: string
  eventType: string
  /** The decrypted resource, parsed JSON. */
  resource: unknown
}

export type NotifyCode = 'NOTIFY_REFUSED'
export type NotifyResult<T> = Result<T, NotifyCode>

const envelopeSchema = z.object({
  id: z.string().min(1),
  event_type: z.string().min(1),
  resource_type: z.string().optional(),
  resource: z.object({
    algorithm: z.string(),
    ciphertext: z.string(),
    nonce: z.string(),
    associated_data: z.string().optional(),
    original_type: z.string().optional()
  })
})

function refused(status: number, message: string) {
  return err('NOTIFY_REFUSED', message, { status })
}

export function openNotification(keys: PayKeys, headers: SignedHeaders, rawBody: Buffer, nowMs: number): NotifyResult<Notification> {
  const signed = verifyWechatpaySignature(keys, headers, rawBody, nowMs)
  if (!signed.ok) return refused(401, signed.error.message)
  let envelope: unknown
  try {
    envelope = JSON.parse(rawBody.toString('utf8'))
  } catch {
    return refused(400, 'the notification body is not JSON')
  }
  const parsed = envelopeSchema.safeParse(envelope)
  if (!parsed.success) return refused(400, 'the notification is not a WeChat Pay envelope')
  const plain = decryptResource(keys.apiV3Key, parsed.data.resource)
  if (!plain.ok) return refused(400, plain.error.message)
  let resource: unknown
  try {
    resource = JSON.parse(plain.value)
  } catch {
    return refused(400, 'the decrypted resource is not JSON')
  }
  return ok({ id: parsed.data.id, eventType: parsed.data.event_type, resource })
}

/** The HTTP status a refusal answers with. */
export function refusalStatus(result: NotifyResult<unknown>): number {
  return result.ok ? 204 : ((result.error.details as { status?: number } | undefined)?.status ?? 400)
}
