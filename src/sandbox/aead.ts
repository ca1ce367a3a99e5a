import { createCipheriv } from 'node:crypto'
import { alnum } from './ids'

export interface EncryptedResource {
  original_type: string
  algorithm: 'AEAD_AES_256_GCM'
  ciphertext: string
  associated_data: string
  nonce: string
}

/**
 * AEAD_AES_256_GCM as WeChat Pay sends it: key = the 32-byte APIv3 key, iv = a
 * 12-character nonce (its UTF-8 bytes), AAD = associated_data, and the 16-byte tag
 * appended to the ciphertext before Base64.
 */
export function encryptResource(apiV3Key: Buffer, originalType: string, plaintext: string): EncryptedResource {
  const nonce = alnum(12)
  const associatedData = originalType
  const cipher = createCipheriv('aes-256-gcm', apiV3Key, Buffer.from(nonce, 'utf8'))
  cipher.setAAD(Buffer.from(associatedData, 'utf8'))
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()])
  return {
    original_type: originalType,
    algorithm: 'AEAD_AES_256_GCM',
    ciphertext: body.toString('base64'),
    associated_data: associatedData,
    nonce
  }
}
