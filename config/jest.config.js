// One jest run, one project per side of the repository (tests/ mirrors src/).
const path = require('path')

const rootDir = path.resolve(__dirname, '..')

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022'
    },
    module: { type: 'commonjs' }
  }
]

const base = {
  rootDir,
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: { '^@core/(.*)$': '<rootDir>/src/core/$1' }
}

const node = (name, extra = {}) => ({
  ...base,
  displayName: name,
  testEnvironment: 'node',
  testMatch: [`<rootDir>/tests/${name}/**/*.test.ts`],
  ...extra
})

const dom = (name, extra = {}) => ({
  ...base,
  displayName: name,
  testEnvironment: 'jsdom',
  testMatch: [`<rootDir>/tests/${name}/**/*.test.{ts,tsx}`],
  setupFilesAfterEnv: ['<rootDir>/tests/setup/dom.ts'],
  ...extra,
  moduleNameMapper: { ...base.moduleNameMapper, '\\.(css|less|scss)$': '<rootDir>/tests/setup/style-mock.js', ...(extra.moduleNameMapper || {}) }
})

module.exports = {
  testTimeout: 20000,
  reporters: ['default', '<rootDir>/tests/setup/count-reporter.js'],
  rootDir,
  projects: [
    node('core'),
    node('server'),
    node('sandbox'),
    dom('app', {
      moduleNameMapper: {
        '^@tarojs/components$': '<rootDir>/tests/setup/taro-components.tsx',
        '^@tarojs/taro$': '<rootDir>/tests/setup/taro.ts'
      }
    }),
    dom('admin', { setupFilesAfterEnv: ['<rootDir>/tests/setup/dom.ts', '<rootDir>/tests/setup/admin.ts'] }),
    node('e2e', { setupFilesAfterEnv: ['<rootDir>/tests/setup/e2e.ts'] })
  ]
}
