import { createPrivateKey, createPublicKey, createSign, createVerify } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { backendEnvFor, ensureKeysDir, readKeysDir, sandboxOptionsFromKeys, writeKeysDir } from '../../src/sandbox/keys'
import { testKeys } from './helpers/harness'

const dirs: string[] = []
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-keys-'))
  dirs.push(dir)
  return dir
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

const pairs = (privatePem: string, publicPem: string) =>
  createVerify('RSA-SHA256').update('x').verify(publicPem, createSign('RSA-SHA256').update('x').sign(privatePem))

describe('generateSandboxKeys', () => {
  it('makes ids in WeChat formats and two matching RSA 2048 pairs with PKCS#8 private keys', () => {
    const k = testKeys()
    expect(k.appid).toMatch(/^wx[0-9a-f]{16}$/)
    expect(k.mchid).toMatch(/^1\d{9}$/)
    expect(k.merchantSerialNo).toMatch(/^[0-9A-F]{40}$/)
    expect(k.wechatpayPublicKeyId).toMatch(/^PUB_KEY_ID_0114\d{28}$/)
    expect(Buffer.byteLength(k.apiV3Key)).toBe(32)
    expect(k.secret).toMatch(/^[0-9a-f]{32}$/)
    for (const pem of [k.merchantPrivateKeyPem, k.wechatpayPrivateKeyPem]) {
      expect(pem).toContain('-----BEGIN PRIVATE KEY-----')
      expect(createPrivateKey(pem).asymmetricKeyDetails?.modulusLength).toBe(2048)
    }
    expect(pairs(k.merchantPrivateKeyPem, k.merchantPublicKeyPem)).toBe(true)
    expect(pairs(k.wechatpayPrivateKeyPem, k.wechatpayPublicKeyPem)).toBe(true)
    expect(pairs(k.merchantPrivateKeyPem, k.wechatpayPublicKeyPem)).toBe(false)
  })

  it('gives the sandbox the merchant public key and its own private key, never the merchant private key', () => {
    const options = sandboxOptionsFromKeys(testKeys())
    expect(JSON.stringify(options)).not.toContain(testKeys().merchantPrivateKeyPem)
    expect(createPublicKey(options.merchantPublicKeyPem).type).toBe('public')
  })
})

describe('key folder', () => {
  it('writes and reads back the same keys, private files readable by the owner only', () => {
    const dir = tempDir()
    writeKeysDir(dir, testKeys())
    expect(readKeysDir(dir)).toEqual(testKeys())
    for (const name of ['merchant-private-key.pem', 'wechatpay-private-key.pem', 'keys.json']) {
      expect(statSync(join(dir, name)).mode & 0o077).toBe(0)
    }
  })

  it('keeps one key set across restarts', () => {
    const dir = join(tempDir(), 'nested', 'sandbox-keys')
    const first = ensureKeysDir(dir)
    expect(ensureKeysDir(dir)).toEqual(first)
  })

  it('names the missing file when the folder is incomplete', () => {
    const dir = tempDir()
    writeKeysDir(dir, testKeys())
    rmSync(join(dir, 'wechatpay-public-key.pem'))
    expect(() => readKeysDir(dir)).toThrow(/wechatpay-public-key\.pem is missing/)
    expect(() => readKeysDir(tempDir())).toThrow(/keys\.json is missing/)
  })
})

describe('backendEnvFor', () => {
  it('returns exactly the backend variables the README documents, pointing at the sandbox', () => {
    const dir = tempDir()
    const k = testKeys()
    writeKeysDir(dir, k)
    const env = backendEnvFor(dir, 'http://127.0.0.1:3100/')
    expect(Object.keys(env).sort()).toEqual([
      'WECHATPAY_API_BASE', 'WECHATPAY_APIV3_KEY', 'WECHATPAY_MCHID', 'WECHATPAY_PRIVATE_KEY_FILE', 'WECHATPAY_PUBLIC_KEY_FILE',
      'WECHATPAY_PUBLIC_KEY_ID', 'WECHATPAY_SERIAL_NO', 'WECHAT_API_BASE', 'WECHAT_APPID', 'WECHAT_SECRET'
    ].sort())
    expect(env).toMatchObject({
      WECHAT_APPID: k.appid,
      WECHAT_SECRET: k.secret,
      WECHAT_API_BASE: 'http://127.0.0.1:3100',
      WECHATPAY_API_BASE: 'http://127.0.0.1:3100',
      WECHATPAY_MCHID: k.mchid,
      WECHATPAY_SERIAL_NO: k.merchantSerialNo,
      WECHATPAY_APIV3_KEY: k.apiV3Key,
      WECHATPAY_PUBLIC_KEY_ID: k.wechatpayPublicKeyId
    })
    expect(readFileSync(env.WECHATPAY_PRIVATE_KEY_FILE, 'utf8')).toBe(k.merchantPrivateKeyPem)
    expect(readFileSync(env.WECHATPAY_PUBLIC_KEY_FILE, 'utf8')).toBe(k.wechatpayPublicKeyPem)
  })
})
