/**
 * JSON text for a jsonb column. Both drivers pass a string through unchanged, whereas an array given as a value would
 * become a PostgreSQL array literal under `pg`; `undefined` is stored as JSON null.
 */
export function toJson(value: unknown): string {
  return JSON.stringify(value ?? null)
}
