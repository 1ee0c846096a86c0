import type { SignInAttempts } from '../sign-in-attempts.js';
import type { SqlEngine } from './sql-engine.js';

/** Sign-in attempts counted in the shared store, so the limit holds across app instances. */
export class SqlSignInAttempts implements SignInAttempts {
  constructor(private readonly engine: SqlEngine) {}

  async recordSignInAttempt(input: { id: string; keys: string[]; at: string; since: string }): Promise<number[]> {
    const { notes } = this.engine;
    // One write transaction, and on PostgreSQL a lock per key (taken in sorted order, so two
    // attempts cannot deadlock): simultaneous attempts count one after another, across instances.
    return this.engine.write(async (trx) => {
      await notes.lockKeys(
        trx,
        [...input.keys].sort().map((key) => `vesalius-sign-in:${key}`),
      );
      await trx.deleteFrom('sign_in_attempts').where(notes.bytewise('at'), '<', input.since).execute();
      const counts: number[] = [];
      for (const key of input.keys) {
        await trx
          .insertInto('sign_in_attempts')
          .values({ id: input.id, key, at: input.at })
          .onConflict((conflict) => conflict.doNothing())
          .execute();
        const row = await trx
          .selectFrom('sign_in_attempts')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('key', '=', key)
          .where(notes.bytewise('at'), '>=', input.since)
          .executeTakeFirst();
        counts.push(Number(row?.n ?? 0));
      }
      return counts;
    });
  }

  async forgetSignInAttempts(input: { id: string; clearKey: string }): Promise<void> {
    await this.engine.write((trx) =>
      trx
        .deleteFrom('sign_in_attempts')
        .where((eb) => eb.or([eb('id', '=', input.id), eb('key', '=', input.clearKey)]))
        .execute(),
    );
  }
}
