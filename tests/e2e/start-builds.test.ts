// The build step of `npm start` with stand-in build commands (real child
// processes, real files): a build runs when its output is missing, older than
// its sources or baked for another address; it is skipped when fresh; a
// failure shows the log's tail; stop() ends a running build's whole process
// group, grandchildren included, and no later build starts.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildRunner, type BuildSpec } from '../../src/launcher/start/builds'
import { freshness } from '../../src/launcher/start/freshness'
import { poll } from '../helpers/poll'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'shop-builds-'))
  mkdirSync(path.join(dir, 'src'))
  writeFileSync(path.join(dir, 'src/page.ts'), 'export {}\n')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const node = process.execPath
/** A build that writes out/index.js holding the API base it was given. */
const writeOut = `const fs=require('fs');fs.mkdirSync('out',{recursive:true});fs.writeFileSync('out/index.js','const API='+JSON.stringify(process.env.API)+';');console.log('built')`

function spec(over: Partial<BuildSpec> = {}): BuildSpec {
  return {
    name: 'h5',
    label: 'H5 shop',
    script: 'unused',
    command: [node, '-e', writeOut],
    outDir: path.join(dir, 'out'),
    marker: 'index.js',
    sources: [path.join(dir, 'src')],
    baked: ['http://127.0.0.1:3000'],
    env: { API: 'http://127.0.0.1:3000' },
    ...over
  }
}

/** Running, not merely a zombie waiting for a parent (in a container, PID 1 may never reap it). */
function alive(pid: number): boolean {
  const stat = `/proc/${pid}/stat`
  if (existsSync('/proc/self/stat')) return existsSync(stat) && !/^\d+ \(.*\) Z /.test(readFileSync(stat, 'utf8'))
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

function age(file: string, secondsAgo: number) {
  const t = new Date(Date.now() - secondsAgo * 1000)
  utimesSync(file, t, t)
}

test('freshness: missing output, sources newer than the output, another baked address', () => {
  const out = path.join(dir, 'out')
  expect(freshness(out, 'index.js', [path.join(dir, 'src')], [])).toEqual({ fresh: false, why: 'no index.js yet' })
  mkdirSync(out)
  writeFileSync(path.join(out, 'index.js'), 'const API="http://127.0.0.1:3000";')
  age(path.join(out, 'index.js'), 60)
  expect(freshness(out, 'index.js', [path.join(dir, 'src')], []).fresh).toBe(false)
  age(path.join(dir, 'src/page.ts'), 120)
  expect(freshness(out, 'index.js', [path.join(dir, 'src')], ['http://127.0.0.1:3000'])).toEqual({ fresh: true })
  expect(freshness(out, 'index.js', [path.join(dir, 'src')], ['http://127.0.0.1:3001']).fresh).toBe(false)
})

test('runs a stale build with its environment, then skips it while fresh; --rebuild forces it', async () => {
  const lines: string[] = []
  const runner = buildRunner(dir, path.join(dir, 'logs'), (l) => lines.push(l))
  expect(await runner.run([spec()], { rebuild: false })).toEqual([{ name: 'h5', status: 'built', seconds: expect.any(Number) }])
  expect(readFileSync(path.join(dir, 'out/index.js'), 'utf8')).toContain('"http://127.0.0.1:3000"')
  expect(readFileSync(path.join(dir, 'logs/build-h5.log'), 'utf8')).toContain('built')
  expect(lines.some((l) => /building H5 shop… done in [\d.]+ s/.test(l))).toBe(true)

  age(path.join(dir, 'src/page.ts'), 60)
  expect((await runner.run([spec()], { rebuild: false }))[0]!.status).toBe('fresh')
  expect((await runner.run([spec()], { rebuild: true }))[0]!.status).toBe('built')
  // Another port: the baked address no longer matches, so it builds again.
  const other = spec({ baked: ['http://127.0.0.1:3001'], env: { API: 'http://127.0.0.1:3001' } })
  expect((await runner.run([other], { rebuild: false }))[0]!.status).toBe('built')
})

test('a failing build reports its exit code and the end of its log, and the next build still runs', async () => {
  const lines: string[] = []
  const runner = buildRunner(dir, path.join(dir, 'logs'), (l) => lines.push(l))
  const failing = spec({ name: 'admin', label: 'admin web', command: [node, '-e', "console.error('Cannot find module x'); process.exit(2)"] })
  const outcomes = await runner.run([failing, spec()], { rebuild: false })
  expect(outcomes.map((o) => o.status)).toEqual(['failed', 'built'])
  expect(lines.join('\n')).toMatch(/✗ building admin web failed after [\d.]+ s \(exit 2\)[\s\S]*Cannot find module x/)
})

test('stop() ends the running build and its grandchildren with SIGTERM, and runs no further build', async () => {
  const pidFile = path.join(dir, 'grandchild.pid')
  // A build that starts a long-running grandchild and waits: what taro/webpack workers look like.
  const slow = `const {spawn}=require('child_process');const g=spawn(process.execPath,['-e','setInterval(()=>{},1000)'],{stdio:'ignore'});require('fs').writeFileSync(${JSON.stringify(pidFile)},String(g.pid));setInterval(()=>{},1000)`
  const signals: NodeJS.Signals[] = []
  const runner = buildRunner(dir, path.join(dir, 'logs'), () => {}, { onSignal: (s) => signals.push(s) })
  const running = runner.run([spec({ command: [node, '-e', slow] }), spec({ name: 'weapp', label: 'weapp' })], { rebuild: false })
  const grandchild = await poll(() => (existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8')) : 0), { until: (pid) => pid > 0, what: 'the build to write its grandchild\'s pid' })
  expect(alive(grandchild)).toBe(true)
  await runner.stop()
  // SIGTERM to the group was enough: the SIGKILL fallback never fired.
  expect(signals).toEqual(['SIGTERM'])
  expect((await running).map((o) => o.status)).toEqual(['stopped', 'stopped'])
  expect(existsSync(path.join(dir, 'out/index.js'))).toBe(false)
  // The group got SIGTERM together; the grandchild may finish dying just after the build.
  await poll(() => !alive(grandchild), { what: `the grandchild ${grandchild} to exit` })
})

test('stop() sends SIGKILL to a build that ignores SIGTERM, once forceAfterMs has passed', async () => {
  const ready = path.join(dir, 'ready')
  const stubborn = `process.on('SIGTERM',()=>{});require('fs').writeFileSync(${JSON.stringify(ready)},'');setInterval(()=>{},1000)`
  const signals: NodeJS.Signals[] = []
  const runner = buildRunner(dir, path.join(dir, 'logs'), () => {}, { forceAfterMs: 50, onSignal: (s) => signals.push(s) })
  const running = runner.run([spec({ command: [node, '-e', stubborn] })], { rebuild: false })
  await poll(() => existsSync(ready), { what: 'the build to ignore SIGTERM' })
  await runner.stop()
  expect(signals).toEqual(['SIGTERM', 'SIGKILL'])
  expect((await running).map((o) => o.status)).toEqual(['stopped'])
})
