/**
 * Kysely rolls a transaction back when its callback throws. A flow that
 * finds, half-way, that the request must fail (a SKU sold out after others
 * were reserved) throws this with the Result to answer, and catches it
 * outside the transaction.
 */
import type { Result } from '@core/result'

export class Rollback extends Error {
  constructor(readonly result: Result<never>) {
    super(`rolled back: ${result.ok ? '' : result.error.code}`)
    this.name = 'Rollback'
  }
}
