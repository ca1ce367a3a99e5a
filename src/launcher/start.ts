/**
 * `npm start`: the whole local stack in one command.
 *
 *   1. the WeChat sandbox (src/sandbox) with keys kept in DATA_DIR/sandbox-keys
 *   2. the backend (src/server) in this process on SQLite, wired to the sandbox,
 *      seeding the demo brand on an empty database, serving the admin web at
 *      /admin/ and the shop's H5 build at /
 *   3. the builds: admin (Vite), H5 and weapp (Taro), with the API and sandbox
 *      addresses baked in, skipped while up to date
 *   4. a summary of every URL and login
 *
 * Ctrl-C (or SIGTERM) stops the build in progress, the backend and the sandbox,
 * and exits 0; a second Ctrl-C quits at once. Options: src/launcher/start/options.ts.
 *
 * NOTE: package.json runs this as `node --require tsx/cjs` (tsx's CommonJS hooks only: its
 * ESM loader runs on a thread of its own, ~25 MB; docs/operations.md "Memory"), not the `tsx` CLI: the
 * CLI relays a Ctrl-C to its child and SIGKILLs it when the child does not
 * acknowledge within ~60 ms, which a busy moment (drawing the demo pictures)
 * easily exceeds, so the stack would die without closing anything.
 */
import { resolve } from 'node:path'
import { backendEnvFor, ensureKeysDir, sandboxOptionsFromKeys } from '../sandbox/keys'
import { createSandbox, type Sandbox } from '../sandbox/sandbox'
import { subscribeTemplatesEnv } from '../sandbox/subscribe-templates'
import { startBackend, type RunningBackend } from './start/backend'
import { buildRunner, buildSpecs, type BuildOutcome } from './start/builds'
import { readOptions, USAGE, type StartOptions } from './start/options'
import { summary } from './start/summary'

const root = resolve(__dirname, '../..')
const say = (line: string) => console.log(line)

interface Services {
  sandbox: Sandbox
  backend: RunningBackend
}

/**
 * WeChat's message push (shipping settled, shipping reminders) from the sandbox to the backend:
 * both sides share this Token, as the mini-program admin page and WECHAT_MESSAGE_TOKEN would.
 */
const SANDBOX_PUSH_TOKEN = 'shanchaSandboxPush'

async function startServices(o: StartOptions, signal: AbortSignal): Promise<Services> {
  const keys = ensureKeysDir(o.keysDir)
  const pushToken = process.env.WECHAT_MESSAGE_TOKEN?.trim() || SANDBOX_PUSH_TOKEN
  const sandbox = createSandbox({
    ...sandboxOptionsFromKeys(keys),
    merchantName: '山茶生活馆（沙箱）',
    messagePushUrl: `http://${o.host}:${o.port}/api/v1/wechat/message`,
    messageToken: pushToken,
    // A URL Link opened in the browser lands on the H5 shop the backend serves at /.
    h5Url: `http://${o.host}:${o.port}/`,
    log: (line) => say(`  [sandbox] ${line}`)
  })
  await sandbox.listen(o.sandboxPort, o.host).catch((e: unknown) => {
    throw portError(e, 'SANDBOX_PORT', o.sandboxPort)
  })
  say(`✓ WeChat sandbox on ${sandbox.url}`)
  try {
    const wechatEnv = {
      ...backendEnvFor(o.keysDir, sandbox.url),
      WECHAT_MESSAGE_TOKEN: pushToken,
      WECHAT_SUBSCRIBE_TEMPLATES: process.env.WECHAT_SUBSCRIBE_TEMPLATES?.trim() || subscribeTemplatesEnv()
    }
    const backend = await startBackend(o, wechatEnv, say, signal).catch((e: unknown) => {
      throw portError(e, 'PORT', o.port)
    })
    say(`✓ backend on ${backend.url} (log: ${backend.logPath})`)
    const seed = backend.seed
    say(
      seed.seeded
        ? `✓ demo brand seeded in ${backend.seedSeconds} s: ${seed.products} products (${seed.skus} SKUs), pages ${seed.pages.join(', ')}, ${seed.staff.length} staff`
        : `✓ demo data kept: ${seed.reason}`
    )
    return { sandbox, backend }
  } catch (e) {
    await sandbox.close()
    throw e
  }
}

function portError(e: unknown, variable: string, port: number): unknown {
  if ((e as NodeJS.ErrnoException)?.code === 'EADDRINUSE') {
    return new Error(`port ${port} is already in use: stop whatever listens there, or start with ${variable}=<another port>`)
  }
  return e
}

async function main(): Promise<void> {
  const o = readOptions(process.argv.slice(2), process.env, root)
  if (o === 'help') {
    say(USAGE)
    return
  }
  say(`山茶 demo: starting the local stack (data in ${o.dataDir})`)
  const runner = buildRunner(o.root, o.logDir, say)
  const abort = new AbortController()
  const services = startServices(o, abort.signal)

  let stopping = false
  let stoppingSince = 0
  const stop = async (signal: string) => {
    if (stopping) {
      // NOTE: one Ctrl-C can arrive twice (from the terminal and relayed by a parent); only a later one means "now".
      if (Date.now() - stoppingSince < 1_500) return
      say(`${signal} again: quitting without waiting`)
      process.exit(1)
    }
    stopping = true
    stoppingSince = Date.now()
    say(`\n${signal}: stopping (Ctrl-C again to quit at once)…`)
    // A seed still drawing gives up before writing anything; one already writing finishes (well under a second).
    abort.abort(new Error(`${signal} during startup`))
    await runner.stop()
    const started = await services.catch(() => null)
    await started?.backend.close()
    await started?.sandbox.close()
    say('stopped.')
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
  // NOTE: `kill <npm's pid>` reaches npm's `sh`, which dies without passing it on; without
  // this the stack would live on as an orphan holding its ports.
  const parent = process.ppid
  setInterval(() => {
    if (process.ppid !== parent) void stop('parent process gone')
  }, 1_000).unref()

  const started = await services.catch((e: unknown) => {
    if (stopping) return null // stop() reports and exits
    throw e
  })
  if (!started || stopping) return
  const { sandbox, backend } = started
  let builds: BuildOutcome[]
  if (o.skipBuilds) {
    say('  builds skipped (--skip-builds)')
    builds = (['admin', 'h5', 'weapp'] as const).map((name) => ({ name, status: 'skipped' }))
  } else {
    say('  builds run one at a time; the backend already answers meanwhile')
    builds = await runner.run(buildSpecs(o.root, backend.url, sandbox.url), { rebuild: o.rebuild })
  }
  if (stopping) return
  say(await summary({ o, deps: backend.app.deps, apiUrl: backend.url, sandboxUrl: sandbox.url, builds }))
}

main().catch((e: unknown) => {
  console.error(`npm start failed: ${e instanceof Error ? e.message : String(e)}`)
  if (e instanceof Error && !/already in use|must be|unknown option|contradict/.test(e.message)) console.error(e.stack)
  process.exit(1)
})
