// `npm run sandbox`: WeChat's servers on this machine, with keys kept under data/sandbox-keys.
import { backendEnvFor, ensureKeysDir, sandboxOptionsFromKeys } from './keys'
import { createSandbox } from './sandbox'
import { subscribeTemplatesEnv } from './subscribe-templates'

function numberEnv(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`)
  return value
}

async function main(): Promise<void> {
  const keysDir = process.env.SANDBOX_KEYS_DIR || 'data/sandbox-keys'
  const port = numberEnv('SANDBOX_PORT', 3100)
  const host = process.env.SANDBOX_HOST || '127.0.0.1'
  const keys = ensureKeysDir(keysDir)
  const sandbox = createSandbox({
    ...sandboxOptionsFromKeys(keys),
    timeFactor: numberEnv('SANDBOX_TIME_FACTOR', 1),
    duplicates: numberEnv('SANDBOX_DUPLICATES', 1),
    // The backend's message-push endpoint and its Token / EncodingAESKey (the same values as its
    // WECHAT_MESSAGE_TOKEN / WECHAT_MESSAGE_AES_KEY); without a URL, pushes are recorded, not sent.
    messagePushUrl: process.env.SANDBOX_MESSAGE_PUSH_URL || undefined,
    messageToken: process.env.SANDBOX_MESSAGE_TOKEN || undefined,
    messageAesKey: process.env.SANDBOX_MESSAGE_AES_KEY || undefined,
    // Where a URL Link opened in a browser lands: the shop's H5 build (npm start serves it at the backend's /).
    h5Url: process.env.SANDBOX_H5_URL || 'http://127.0.0.1:3000/',
    log: (line) => console.log(`[sandbox] ${line}`)
  })
  const { url } = await sandbox.listen(port, host)
  const env = backendEnvFor(keysDir, url)
  console.log(`[sandbox] WeChat sandbox listening on ${url} (keys in ${keysDir})`)
  console.log(`[sandbox] pay page: ${url}/pay?prepay_id=…  login codes: POST ${url}/sandbox/login-code`)
  console.log(`[sandbox] URL Links (${url}/wxaurl/…) open the H5 shop at ${process.env.SANDBOX_H5_URL || 'http://127.0.0.1:3000/'} (SANDBOX_H5_URL)`)
  // Secrets stay out of the log; the backend reads them from the same key folder.
  for (const [name, value] of Object.entries(env)) {
    const hidden = name === 'WECHAT_SECRET' || name === 'WECHATPAY_APIV3_KEY'
    console.log(`[sandbox]   ${name}=${hidden ? '(in keys.json)' : value}`)
  }
  console.log(`[sandbox]   WECHAT_SUBSCRIBE_TEMPLATES=${subscribeTemplatesEnv()}`)
  if (process.env.SANDBOX_MESSAGE_PUSH_URL) {
    const mode = process.env.SANDBOX_MESSAGE_AES_KEY ? 'safe mode' : 'plain mode'
    console.log(`[sandbox] message pushes → ${process.env.SANDBOX_MESSAGE_PUSH_URL} (${mode}; WECHAT_MESSAGE_TOKEN / WECHAT_MESSAGE_AES_KEY = SANDBOX_MESSAGE_TOKEN / SANDBOX_MESSAGE_AES_KEY)`)
  }
  const stop = () => {
    sandbox.close().then(() => process.exit(0), (e) => {
      console.error('[sandbox] close failed', e)
      process.exit(1)
    })
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((e) => {
  console.error(`[sandbox] failed to start: ${(e as Error).message}`)
  process.exit(1)
})
