// Lint, including the import rules of docs/architecture.md ("Import rules").
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const outside = (...sides) => sides.map((side) => ({
  group: [`**/${side}/**`],
  message: `docs/architecture.md "Import rules": this side may not import src/${side}.`
}))
const forbid = (groups, message) => ({ group: groups, message })
const restrict = (patterns, paths = []) => ['error', { patterns, paths }]

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'crypto', 'http', 'https', 'os', 'child_process', 'stream', 'url', 'util', 'net', 'zlib']

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-h5/', 'dist-admin/', 'data/', 'coverage/', 'screenshots/', '**/*.cjs', 'babel.config.js', 'config/jest.config.js', 'tests/setup/style-mock.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser, ...globals.jest } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }]
    }
  },
  {
    files: ['src/**/*.{ts,tsx}', 'tests/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' }
  },
  // core: pure. No platform, no clock, no randomness, nothing of ours outside core.
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        ...outside('app', 'server', 'admin', 'sandbox'),
        forbid(['@tarojs/*', 'react', 'react-dom', 'react/*', 'zustand', 'zustand/*', ...NODE_BUILTINS], 'core is pure: no Taro, React or Node imports.')
      ]),
      'no-restricted-globals': ['error', { name: 'process', message: 'core is pure: pass configuration in.' }, { name: 'window', message: 'core is pure.' }, { name: 'fetch', message: 'core does no I/O.' }],
      'no-restricted-syntax': ['error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'core is pure: take the time as an argument.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'core is pure: take the time as an argument.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'core is pure: take ids as arguments.' },
        { selector: "CallExpression[callee.name='dayjs'][arguments.length=0]", message: 'core is pure: dayjs() without an argument reads the clock.' }
      ]
    }
  },
  // The mini-program: pages > components/stores > services; services never import stores.
  { files: ['src/app/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': restrict(outside('server', 'admin', 'sandbox')) } },
  {
    files: ['src/app/components/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': restrict([...outside('server', 'admin', 'sandbox', 'pages', 'stores', 'services')]) }
  },
  {
    files: ['src/app/stores/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': restrict([...outside('server', 'admin', 'sandbox', 'pages', 'components')]) }
  },
  {
    files: ['src/app/services/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': restrict([...outside('server', 'admin', 'sandbox', 'pages', 'components', 'stores')]) }
  },
  // The backend: routes -> flows -> db / wechat; nothing imports routes but app.ts.
  { files: ['src/server/**/*.ts'], rules: { 'no-restricted-imports': restrict(outside('app', 'admin', 'sandbox')) } },
  {
    files: ['src/server/flows/**/*.ts', 'src/server/db/**/*.ts', 'src/server/wechat/**/*.ts', 'src/server/jobs/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(outside('app', 'admin', 'sandbox', 'routes')) }
  },
  {
    files: ['src/server/db/**/*.ts', 'src/server/wechat/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(outside('app', 'admin', 'sandbox', 'routes', 'flows')) }
  },
  { files: ['src/admin/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': restrict(outside('app', 'server', 'sandbox')) } },
  // npm start wires the server and the sandbox together; it builds the front ends as child processes, never imports them.
  { files: ['src/launcher/**/*.ts'], rules: { 'no-restricted-imports': restrict(outside('app', 'admin')) } },
  // The sandbox is WeChat's side: it imports nothing of ours.
  {
    files: ['src/sandbox/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        ...outside('app', 'server', 'admin', 'core'),
        forbid(['@core/*', '@core'], 'docs/architecture.md "Import rules": the sandbox imports nothing of ours, not even core.')
      ])
    }
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-require-imports': 'off', '@typescript-eslint/no-non-null-assertion': 'off' }
  }
)
