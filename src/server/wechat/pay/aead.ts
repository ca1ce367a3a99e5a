/**
 * Notification resources: AEAD_AES_256_GCM with the APIv3 key, the
 * resource's nonce as IV and associated_data as AAD; the last 16 bytes of
 * the ciphertext are the tag. `final()` is what checks the tag, so a
 * tampered resource fails here instead of being trusted.
 */
import { createDecipheriv } from 'node:crypto'
import { err, ok, type Result } from '@core/result'

export interface EncryptedResource {
  algorithm: string
  ciphertext: string
  nonce: string
  associated_data?: string
  original_type?: string
}

const TAG_BYTES = 16

export function decryptResource(apiV3Key: Buffer, r: EncryptedResource): Result<string, 'DECRYPT_FAILED'> {
  if (r.algorithm !== 'AEAD_AES_256_GCM') return err('DECRYPT_FAILED', `unsupported algorithm ${r.algorithm}`)
  const data = Buffer.from(r.ciphertext, 'base64')
  if (data.length <= TAG_BYTES) return err('DECRYPT_FAILED', 'the ciphertext is too short to hold a tag')
  try {
    const decipher = createDecipheriv('aes-256-gcm', apiV3Key, Buffer.from(r.nonce, 'utf8'))
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES))
    decipher.setAAD(Buffer.from(r.associated_data ?? '', 'utf8'))
    const plain = Buffer.concat([decipher.update(data.subarray(0, data.length - TAG_BYTES)), decipher.final()])
    return ok(plain.toString('utf8'))
  } catch {
    return err('DECRYPT_FAILED', 'the resource does not decrypt with the APIv3 key (tag check failed)')
  }
}
