/**
 * Notifications as WeChat Pay sends them (docs/wechat.md "Notifications"), built here
 * with node:crypto (not with server or sandbox code), plus the ways a
 * forger or a broken network would spoil them: another signing key, a
 * stale timestamp, a body changed after signing, a ciphertext whose GCM
 * tag no longer matches.
 */
import { createCipheriv, createSign, generateKeyPairSync, randomBytes } from 'node:crypto'
import type { SandboxKeys } from '../../../../src/sandbox/keys'

export interface Spoil {
  /** Sign with this private key instead of WeChat Pay's. */
  signWith?: string
  /** Seconds to add to the Wechatpay-Timestamp (e.g. -301: stale). */
  skewS?: number
  serial?: string
  /** Change the body after it was signed. */
  tamperBody?: (body: string) => string
  /** Flip a ciphertext byte and sign the result properly: only the GCM tag can catch it. */
  tamperCipher?: boolean
  omitSignature?: boolean
}

export function transactionResource(keys: SandboxKeys, order: { id: string; outTradeNo: string; totalFen: number }, over: Record<string, unknown> = {}) {
  return {
    appid: keys.appid,
    mchid: keys.mchid,
    out_trade_no: order.outTradeNo,
    transaction_id: `4200000${randomBytes(8).toString('hex').replace(/\D/g, '7')}`,
    trade_type: 'JSAPI',
    trade_state: 'SUCCESS',
    trade_state_desc: '支付成功',
    bank_type: 'OTHERS',
    attach: order.id,
    success_time: '2025-06-01T10:00:00+08:00',
    payer: { openid: 'oTest' },
    amount: { total: order.totalFen, payer_total: order.totalFen, currency: 'CNY', payer_currency: 'CNY' },
    ...over
  }
}

function encrypt(keys: SandboxKeys, originalType: string, plaintext: string) {
  const nonce = randomBytes(6).toString('hex')
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(keys.apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'))
  cipher.setAAD(Buffer.from(originalType, 'utf8'))
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()])
  return { original_type: originalType, algorithm: 'AEAD_AES_256_GCM', ciphertext: data.toString('base64'), associated_data: originalType, nonce }
}

export function signedNotification(
  keys: SandboxKeys,
  nowMs: number,
  eventType: string,
  resource: object,
  spoil: Spoil = {}
): { headers: Record<string, string>; body: string } {
  const originalType = eventType.startsWith('REFUND') ? 'refund' : 'transaction'
  const encrypted = encrypt(keys, originalType, JSON.stringify(resource))
  if (spoil.tamperCipher) {
    const bytes = Buffer.from(encrypted.ciphertext, 'base64')
    bytes[0] ^= 0x01
    encrypted.ciphertext = bytes.toString('base64')
  }
  const body = JSON.stringify({
    id: randomBytes(8).toString('hex'),
    create_time: '2025-06-01T10:00:00+08:00',
    resource_type: 'encrypt-resource',
    event_type: eventType,
    summary: '通知',
    resource: encrypted
  })
  const timestamp = String(Math.floor(nowMs / 1000) + (spoil.skewS ?? 0))
  const nonce = randomBytes(16).toString('hex')
  const signature = createSign('RSA-SHA256')
    .update(`${timestamp}\n${nonce}\n${body}\n`)
    .sign(spoil.signWith ?? keys.wechatpayPrivateKeyPem, 'base64')
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'wechatpay-timestamp': timestamp,
    'wechatpay-nonce': nonce,
    'wechatpay-serial': spoil.serial ?? keys.wechatpayPublicKeyId,
    'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048'
  }
  if (!spoil.omitSignature) headers['wechatpay-signature'] = signature
  return { headers, body: spoil.tamperBody ? spoil.tamperBody(body) : body }
}

export function otherPrivateKey(): string {
  return generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey
}
