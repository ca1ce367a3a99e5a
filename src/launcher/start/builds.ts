/**
 * The three builds `npm start` needs, run one at a time as child processes
 * (the machine's cores are better spent on one build than shared by three),
 * each skipped while its output is newer than its sources. Output goes to
 * DATA_DIR/logs/build-NAME.log; the terminal gets one progress line each.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { freshness } from './freshness'

export interface BuildSpec {
  name: 'admin' | 'h5' | 'weapp'
  label: string
  /** The package script, run as `npm run SCRIPT`; `command` replaces it (tests). */
  script: string
  command?: string[]
  outDir: string
  marker: string
  sources: string[]
  /** Strings the build bakes in from the environment; a build without them is stale. */
  baked: string[]
  env: Record<string, string>
}

export type BuildOutcome = { name: BuildSpec['name']; status: 'built' | 'fresh' | 'skipped' | 'failed' | 'stopped'; seconds?: number; log?: string }

export function buildSpecs(root: string, apiBase: string, sandboxBase: string): BuildSpec[] {
  const r = (p: string) => join(root, p)
  const taroSources = [r('src/app'), r('src/core'), r('config/index.ts'), r('babel.config.js'), r('package.json')]
  // NOTE: a NODE_ENV left in the shell (test, development) would make Vite bundle React's development build.
  const production = { NODE_ENV: 'production' }
  const taroEnv = { ...production, TARO_APP_API_BASE: apiBase, TARO_APP_SANDBOX_BASE: sandboxBase }
  return [
    {
      name: 'admin',
      label: 'admin web',
      script: 'build:admin',
      outDir: r('dist-admin'),
      marker: 'index.html',
      sources: [r('src/admin'), r('src/core'), r('config/vite.admin.ts'), r('package.json')],
      baked: [],
      env: production
    },
    { name: 'h5', label: 'H5 shop', script: 'build:h5', outDir: r('dist-h5'), marker: 'index.html', sources: taroSources, baked: [apiBase, sandboxBase], env: taroEnv },
    {
      name: 'weapp',
      label: 'weapp (dist/ for WeChat DevTools)',
      script: 'build:weapp',
      outDir: r('dist'),
      marker: 'app.json',
      sources: [...taroSources, r('project.config.json')],
      baked: [apiBase],
      env: taroEnv
    }
  ]
}

export interface BuildRunner {
  run(specs: BuildSpec[], opts: { rebuild: boolean }): Promise<BuildOutcome[]>
  /** Kills the running build (its whole process group), runs no more, resolves once it has exited. */
  stop(): Promise<void>
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e
  }
}

export interface BuildRunnerOptions {
  /** How long a stopped build has after SIGTERM before its group gets SIGKILL. */
  forceAfterMs?: number
  /** Told each signal sent to a build's process group (tests). */
  onSignal?: (signal: NodeJS.Signals) => void
}

export function buildRunner(root: string, logDir: string, say: (line: string) => void, opts: BuildRunnerOptions = {}): BuildRunner {
  const { forceAfterMs = 5_000, onSignal = () => {} } = opts
  const signal = (pid: number, sig: NodeJS.Signals) => {
    onSignal(sig)
    killGroup(pid, sig)
  }
  let current: ChildProcess | null = null
  let stopped = false

  const runOne = (spec: BuildSpec, logPath: string) =>
    new Promise<number | null>((resolve, reject) => {
      const log = createWriteStream(logPath)
      const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
      const [cmd, ...args] = spec.command ?? [npm, 'run', spec.script]
      // detached: its own process group, so a stop kills taro/vite and their workers too.
      const child = spawn(cmd!, args, { cwd: root, env: { ...process.env, ...spec.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
      current = child
      child.stdout.pipe(log, { end: false })
      child.stderr.pipe(log, { end: false })
      child.once('error', reject)
      child.once('close', (code) => {
        current = null
        log.end(() => resolve(code))
      })
    })

  return {
    async run(specs, opts) {
      mkdirSync(logDir, { recursive: true })
      const outcomes: BuildOutcome[] = []
      for (const spec of specs) {
        if (stopped) {
          outcomes.push({ name: spec.name, status: 'stopped' })
          continue
        }
        const fresh = opts.rebuild ? { fresh: false as const, why: '--rebuild' } : freshness(spec.outDir, spec.marker, spec.sources, spec.baked)
        if (fresh.fresh) {
          say(`  ${spec.label}: up to date (${spec.outDir}), not rebuilt`)
          outcomes.push({ name: spec.name, status: 'fresh' })
          continue
        }
        const logPath = join(logDir, `build-${spec.name}.log`)
        say(`  building ${spec.label}… (${fresh.why}; log: ${logPath})`)
        const started = Date.now()
        const code = await runOne(spec, logPath)
        const seconds = Math.round((Date.now() - started) / 100) / 10
        if (stopped) {
          outcomes.push({ name: spec.name, status: 'stopped' })
        } else if (code === 0) {
          say(`  building ${spec.label}… done in ${seconds} s`)
          outcomes.push({ name: spec.name, status: 'built', seconds })
        } else {
          const tail = readFileSync(logPath, 'utf8').trimEnd().split('\n').slice(-15).join('\n    ')
          say(`✗ building ${spec.label} failed after ${seconds} s (exit ${code}). Last lines of ${logPath}:\n    ${tail}`)
          outcomes.push({ name: spec.name, status: 'failed', seconds, log: logPath })
        }
      }
      return outcomes
    },
    stop() {
      stopped = true
      const child = current
      const pid = child?.pid
      if (!child || pid === undefined || child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
      return new Promise<void>((resolve) => {
        // A build that ignores SIGTERM gets SIGKILL: Ctrl-C must not leave workers behind.
        const force = setTimeout(() => signal(pid, 'SIGKILL'), forceAfterMs)
        child.once('close', () => {
          clearTimeout(force)
          resolve()
        })
        signal(pid, 'SIGTERM')
      })
    }
  }
}
