import { createCipheriv, createHash, randomBytes } from 'node:crypto'

/** SHA-1 of the values sorted as strings and joined: `signature` over [token, timestamp, nonce], `msg_signature` with Encrypt too. */
export function pushSignature(values: string[]): string {
  return createHash('sha1').update([...values].sort().join('')).digest('hex')
}

/** The 32-byte AES key behind a 43-character EncodingAESKey; throws on anything else. */
export function aesKeyOf(encodingAesKey: string): Buffer {
  if (!/^[A-Za-z0-9]{43}$/.test(encodingAesKey)) throw new Error('EncodingAESKey must be 43 letters and digits')
  const key = Buffer.from(encodingAesKey + '=', 'base64')
  if (key.length !== 32) throw new Error('EncodingAESKey does not decode to 32 bytes')
  return key
}

/**
 * Safe-mode encryption as WeChat does it: AES-256-CBC, IV = the key's first 16 bytes, over
 * random(16) + big-endian length(4) + message + appid, PKCS#7-padded to 32-byte blocks; base64.
 */
export function encryptPush(key: Buffer, appid: string, message: string): string {
  const msg = Buffer.from(message, 'utf8')
  const length = Buffer.alloc(4)
  length.writeUInt32BE(msg.length)
  const plain = Buffer.concat([randomBytes(16), length, msg, Buffer.from(appid, 'utf8')])
  const pad = 32 - (plain.length % 32)
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16))
  cipher.setAutoPadding(false)
  return Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64')
}
