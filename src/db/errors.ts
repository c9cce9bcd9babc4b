/** Whether a database error is a unique violation (SQLSTATE 23505), as PGlite and node-postgres report it. */
export function isUniqueViolation(error: unknown): boolean {
  let e: unknown = error;
  // drizzle wraps the driver's error; the SQLSTATE is on it or on its cause.
  for (let depth = 0; depth < 5 && typeof e === 'object' && e !== null; depth++) {
    if ((e as { code?: unknown }).code === '23505') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
