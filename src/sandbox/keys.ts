import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { alnum, digits } from './ids'
import type { SandboxOptions } from './options'

/** Everything both sides need: the merchant's pair and the WeChat Pay pair, plus the shared ids. */
export interface SandboxKeys {
  appid: string
  secret: string
  mchid: string
  merchantSerialNo: string
  merchantPrivateKeyPem: string
  merchantPublicKeyPem: string
  wechatpayPrivateKeyPem: string
  wechatpayPublicKeyPem: string
  wechatpayPublicKeyId: string
  apiV3Key: string
}

function rsaPair(): { privateKey: string; publicKey: string } {
  return generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' }
  })
}

export function generateSandboxKeys(): SandboxKeys {
  const merchant = rsaPair()
  const wechatpay = rsaPair()
  const mchid = '1' + digits(9)
  return {
    appid: 'wx' + randomBytes(8).toString('hex'),
    secret: randomBytes(16).toString('hex'),
    mchid,
    merchantSerialNo: randomBytes(20).toString('hex').toUpperCase(),
    merchantPrivateKeyPem: merchant.privateKey,
    merchantPublicKeyPem: merchant.publicKey,
    wechatpayPrivateKeyPem: wechatpay.privateKey,
    wechatpayPublicKeyPem: wechatpay.publicKey,
    wechatpayPublicKeyId: `PUB_KEY_ID_0114${mchid}${digits(18)}`,
    apiV3Key: alnum(32)
  }
}

/** The options createSandbox needs from a key set (WeChat's half: no merchant private key). */
export function sandboxOptionsFromKeys(keys: SandboxKeys): SandboxOptions {
  return {
    appid: keys.appid,
    secret: keys.secret,
    mchid: keys.mchid,
    merchantSerialNo: keys.merchantSerialNo,
    merchantPublicKeyPem: keys.merchantPublicKeyPem,
    wechatpayPrivateKeyPem: keys.wechatpayPrivateKeyPem,
    wechatpayPublicKeyId: keys.wechatpayPublicKeyId,
    apiV3Key: keys.apiV3Key
  }
}

export const KEY_FILES = {
  /** WECHATPAY_PRIVATE_KEY_FILE: the merchant API private key (PKCS#8). */
  merchantPrivateKey: 'merchant-private-key.pem',
  merchantPublicKey: 'merchant-public-key.pem',
  /** WECHATPAY_PUBLIC_KEY_FILE: the WeChat Pay public key. */
  wechatpayPublicKey: 'wechatpay-public-key.pem',
  /** The sandbox's own signing key; never given to the backend. */
  wechatpayPrivateKey: 'wechatpay-private-key.pem',
  ids: 'keys.json'
} as const

type KeyIds = Pick<SandboxKeys, 'appid' | 'secret' | 'mchid' | 'merchantSerialNo' | 'wechatpayPublicKeyId' | 'apiV3Key'>

export function writeKeysDir(dir: string, keys: SandboxKeys): void {
  mkdirSync(dir, { recursive: true })
  const secret = (name: string, text: string) => {
    writeFileSync(join(dir, name), text, { mode: 0o600 })
    chmodSync(join(dir, name), 0o600)
  }
  secret(KEY_FILES.merchantPrivateKey, keys.merchantPrivateKeyPem)
  writeFileSync(join(dir, KEY_FILES.merchantPublicKey), keys.merchantPublicKeyPem)
  writeFileSync(join(dir, KEY_FILES.wechatpayPublicKey), keys.wechatpayPublicKeyPem)
  secret(KEY_FILES.wechatpayPrivateKey, keys.wechatpayPrivateKeyPem)
  const ids: KeyIds = {
    appid: keys.appid,
    secret: keys.secret,
    mchid: keys.mchid,
    merchantSerialNo: keys.merchantSerialNo,
    wechatpayPublicKeyId: keys.wechatpayPublicKeyId,
    apiV3Key: keys.apiV3Key
  }
  secret(KEY_FILES.ids, JSON.stringify(ids, null, 2) + '\n')
}

function readIds(dir: string): KeyIds {
  const path = join(dir, KEY_FILES.ids)
  if (!existsSync(path)) throw new Error(`sandbox keys: ${path} is missing; delete ${dir} to generate a new set`)
  const ids = JSON.parse(readFileSync(path, 'utf8')) as Partial<KeyIds>
  for (const name of ['appid', 'secret', 'mchid', 'merchantSerialNo', 'wechatpayPublicKeyId', 'apiV3Key'] as const) {
    if (typeof ids[name] !== 'string' || ids[name] === '') throw new Error(`sandbox keys: ${path} has no ${name}`)
  }
  return ids as KeyIds
}

export function readKeysDir(dir: string): SandboxKeys {
  const pem = (name: string) => {
    const path = join(dir, name)
    if (!existsSync(path)) throw new Error(`sandbox keys: ${path} is missing; delete ${dir} to generate a new set`)
    return readFileSync(path, 'utf8')
  }
  return {
    ...readIds(dir),
    merchantPrivateKeyPem: pem(KEY_FILES.merchantPrivateKey),
    merchantPublicKeyPem: pem(KEY_FILES.merchantPublicKey),
    wechatpayPrivateKeyPem: pem(KEY_FILES.wechatpayPrivateKey),
    wechatpayPublicKeyPem: pem(KEY_FILES.wechatpayPublicKey)
  }
}

/** Reads the key set in `dir`, or generates and writes one, so restarts keep the same keys. */
export function ensureKeysDir(dir: string): SandboxKeys {
  if (existsSync(join(dir, KEY_FILES.ids))) return readKeysDir(dir)
  const keys = generateSandboxKeys()
  writeKeysDir(dir, keys)
  return keys
}

/** The backend's environment (names from README.md "Backend configuration (environment)") pointing at a sandbox at `sandboxUrl`. */
export function backendEnvFor(keysDir: string, sandboxUrl: string): Record<string, string> {
  const dir = resolve(keysDir)
  const ids = readIds(dir)
  const base = sandboxUrl.replace(/\/+$/, '')
  return {
    WECHAT_APPID: ids.appid,
    WECHAT_SECRET: ids.secret,
    WECHAT_API_BASE: base,
    WECHATPAY_MCHID: ids.mchid,
    WECHATPAY_SERIAL_NO: ids.merchantSerialNo,
    WECHATPAY_PRIVATE_KEY_FILE: join(dir, KEY_FILES.merchantPrivateKey),
    WECHATPAY_APIV3_KEY: ids.apiV3Key,
    WECHATPAY_PUBLIC_KEY_FILE: join(dir, KEY_FILES.wechatpayPublicKey),
    WECHATPAY_PUBLIC_KEY_ID: ids.wechatpayPublicKeyId,
    WECHATPAY_API_BASE: base
  }
}
