/**
 * Both drivers report a broken UNIQUE/PRIMARY KEY constraint differently;
 * flows that race (two instances, two tabs) rely on the constraint and ask
 * this instead of checking first and inserting second.
 */
export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
}
