/**
 * A row the same transaction has just written or locked: its absence is a bug in the store,
 * not a user error, and is reported as one rather than hidden behind a non-null assertion.
 */
export function mustExist<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined)
    throw new Error(`internal error: ${what} vanished inside its own transaction`);
  return value;
}
