/**
 * WeChat's message push security (docs/wechat.md "Message push: plain and safe mode"):
 * `signature` = SHA-1 of [token, timestamp, nonce] sorted and joined;
 * in safe mode `msg_signature` = the same over [token, timestamp, nonce, Encrypt],
 * and Encrypt is AES-256-CBC (key = base64 of the EncodingAESKey + "=",
 * IV = its first 16 bytes, PKCS#7 to 32-byte blocks) over
 * random(16) + big-endian length(4) + message + appid.
 */
import { createDecipheriv, createHash, timingSafeEqual } from 'node:crypto'

export function pushSignature(values: string[]): string {
  return createHash('sha1').update([...values].sort().join('')).digest('hex')
}

export function signatureMatches(expected: string, given: string | undefined): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false
  return timingSafeEqual(Buffer.from(expected), Buffer.from(given.toLowerCase()))
}

export class PushDecryptError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PushDecryptError'
  }
}

/** The message inside Encrypt; throws PushDecryptError when it is not ours (bad padding, other appid). */
export function decryptPush(encodingAesKey: string, appId: string, encrypted: string): string {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64')
  if (key.length !== 32) throw new PushDecryptError('WECHAT_MESSAGE_AES_KEY does not decode to 32 bytes')
  let plain: Buffer
  try {
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16))
    decipher.setAutoPadding(false)
    plain = Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()])
  } catch {
    throw new PushDecryptError('Encrypt is not AES-256-CBC ciphertext of whole blocks')
  }
  const pad = plain[plain.length - 1] ?? 0
  if (pad < 1 || pad > 32 || pad > plain.length) throw new PushDecryptError('bad padding')
  const body = plain.subarray(0, plain.length - pad)
  if (body.length < 20) throw new PushDecryptError('too short')
  const length = body.readUInt32BE(16)
  if (20 + length > body.length) throw new PushDecryptError('bad length')
  const message = body.subarray(20, 20 + length).toString('utf8')
  const from = body.subarray(20 + length).toString('utf8')
  if (from !== appId) throw new PushDecryptError('the message is for another appid')
  return message
}
