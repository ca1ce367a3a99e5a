// The backend's message-push endpoint, written from WeChat's doc with node:crypto only: it checks
// `signature` (and `msg_signature` in safe mode) and decrypts `Encrypt`, independently of the sandbox.
import { createDecipheriv, createHash } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Json } from './merchant'

export interface ReceivedPush {
  query: URLSearchParams
  raw: string
  /** The decrypted (or plain) message. */
  message: Json
  signatureOk: boolean
  /** Safe mode only. */
  msgSignatureOk?: boolean
  /** The appid found at the end of the decrypted block (safe mode). */
  appid?: string
}

const sha1 = (parts: string[]): string => createHash('sha1').update([...parts].sort().join('')).digest('hex')

function decrypt(encodingAesKey: string, encrypt: string): { message: string; appid: string } {
  const key = Buffer.from(encodingAesKey + '=', 'base64')
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16))
  decipher.setAutoPadding(false)
  const padded = Buffer.concat([decipher.update(Buffer.from(encrypt, 'base64')), decipher.final()])
  const pad = padded[padded.length - 1]
  if (pad < 1 || pad > 32) throw new Error(`bad PKCS#7 padding ${pad}`)
  const plain = padded.subarray(0, padded.length - pad)
  const length = plain.readUInt32BE(16)
  return { message: plain.subarray(20, 20 + length).toString('utf8'), appid: plain.subarray(20 + length).toString('utf8') }
}

export async function startPushReceiver(token: string, aesKey?: string, statusFor: (n: number) => number = () => 200): Promise<{
  url: string
  received: ReceivedPush[]
  close: () => Promise<void>
}> {
  const received: ReceivedPush[] = []
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const query = new URL(req.url ?? '/', 'http://x').searchParams
      if (req.method === 'GET') {
        // The URL check: echostr back when the signature holds.
        const ok = sha1([token, query.get('timestamp') ?? '', query.get('nonce') ?? '']) === query.get('signature')
        res.writeHead(ok ? 200 : 401, { 'Content-Type': 'text/plain' }).end(ok ? (query.get('echostr') ?? '') : 'bad signature')
        return
      }
      const raw = Buffer.concat(chunks).toString('utf8')
      const body = JSON.parse(raw) as Json
      const ts = query.get('timestamp') ?? ''
      const nonce = query.get('nonce') ?? ''
      const entry: ReceivedPush = { query, raw, message: body, signatureOk: sha1([token, ts, nonce]) === query.get('signature') }
      if (aesKey && query.get('encrypt_type') === 'aes') {
        entry.msgSignatureOk = sha1([token, ts, nonce, body.Encrypt]) === query.get('msg_signature')
        const { message, appid } = decrypt(aesKey, body.Encrypt)
        entry.message = JSON.parse(message)
        entry.appid = appid
      }
      received.push(entry)
      const status = statusFor(received.length)
      res.writeHead(status, { 'Content-Type': 'text/plain' })
      res.end(status === 200 ? 'success' : 'error')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/api/v1/wechat/message`,
    received,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  }
}
