/** PostgreSQL's unique_violation, so a race on a unique key becomes a clean 409 rather than a 500. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } }).driverError ?? (error as { code?: string; constraint?: string });
  return driverError?.code === '23505' && (constraint === undefined || driverError.constraint === constraint);
}

/** PostgreSQL's foreign_key_violation on `constraint`: a reference to a row that is not (or no longer) there. */
export function isForeignKeyViolation(error: unknown, constraint: string): boolean {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } }).driverError ?? (error as { code?: string; constraint?: string });
  return driverError?.code === '23503' && driverError.constraint === constraint;
}
