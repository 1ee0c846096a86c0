/**
 * Sign-in attempts, counted in the shared store so the limit holds across app instances
 * and under concurrency. Keys name what is limited (an account, or an account and address).
 */
export interface SignInAttempts {
  /**
   * Records one attempt under every key and returns, per key, how many attempts were
   * recorded at or after `since`, this one included. Atomic: of simultaneous attempts on
   * one key each sees a different count, so a burst cannot slip past the limit.
   * Attempts older than `since` are forgotten on the way.
   */
  recordSignInAttempt(input: { id: string; keys: string[]; at: string; since: string }): Promise<number[]>;
  /** Forgets the attempt `id` (it succeeded) and every attempt recorded under `clearKey`. */
  forgetSignInAttempts(input: { id: string; clearKey: string }): Promise<void>;
}
