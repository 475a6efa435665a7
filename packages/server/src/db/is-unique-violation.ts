/**
 * Whether a database error is a UNIQUE violation (SQLite's SQLITE_CONSTRAINT_UNIQUE, PostgreSQL's 23505): how a
 * write learns that a concurrent one took the same email or name between its check and its write.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  return error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === '23505';
}
