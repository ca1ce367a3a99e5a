/**
 * Runs a suite once per dialect in DIALECTS, titled `[sqlite] …` /
 * `[postgres] …`. Inside, create the app in beforeAll with the dialect:
 *
 *   describeEachDb('pages', (dialect) => {
 *     let t: TestApp
 *     beforeAll(async () => { t = await createTestApp({ dialect }) })
 *     afterAll(() => t.close())
 *   })
 */
import { DIALECTS, type DialectName } from './test-db'

export function describeEachDb(name: string, fn: (dialect: DialectName) => void): void {
  for (const dialect of DIALECTS) describe(`[${dialect}] ${name}`, () => fn(dialect))
}
