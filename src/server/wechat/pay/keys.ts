/** The merchant's and WeChat Pay's key material, parsed once from WECHATPAY_* configuration. */
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto'
import type { WechatPayConfig } from '../../config'

export interface PayKeys {
  mchId: string
  appId: string
  serialNo: string
  privateKey: KeyObject
  publicKey: KeyObject
  publicKeyId: string
  apiV3Key: Buffer
  apiBase: string
}

export function payKeys(cfg: WechatPayConfig, appId: string): PayKeys {
  return {
    mchId: cfg.mchId,
    appId,
    serialNo: cfg.serialNo,
    privateKey: createPrivateKey(cfg.privateKeyPem),
    publicKey: createPublicKey(cfg.publicKeyPem),
    publicKeyId: cfg.publicKeyId,
    apiV3Key: Buffer.from(cfg.apiV3Key, 'utf8'),
    apiBase: cfg.apiBase.replace(/\/+$/, '')
  }
}
