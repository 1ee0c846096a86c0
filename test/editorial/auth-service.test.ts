import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isVesaliusError } from '../../src/domain/errors.js';
import { AuthService } from '../../src/editorial/auth-service.js';
import { hashPassword } from '../../src/editorial/hash-password.js';
import { SqliteEditorialRepository } from '../../src/storage/sqlite/sqlite-editorial-repository.js';
import { scratch } from '../helpers.js';

const PASSWORD = 'correct horse battery staple';

const outcome = (attempt: Promise<unknown>) =>
  attempt.then(
    () => 'signed in',
    (error: unknown) => (isVesaliusError(error) ? error.code : 'crashed'),
  );

describe('sign-in limits shared by every instance', () => {
  it('counts a burst split across two instances on one store in full', async () => {
    const space = scratch();
    const path = join(space.dir, 'editorial.sqlite');
    // Two repositories on one file stand for two app instances sharing a store.
    const first = new SqliteEditorialRepository(path);
    const second = new SqliteEditorialRepository(path);
    await first.createUser(
      {
        id: 'u1',
        username: 'ada',
        displayName: 'Ada',
        credentials: 'MD',
        role: 'reviewer',
        passwordHash: await hashPassword(PASSWORD),
        createdAt: '2026-01-01',
      },
      { at: '2026-01-01', actorId: null, action: 'user.create' },
    );
    const instances = [new AuthService(first, undefined, 1), new AuthService(second, undefined, 1)];
    const results = await Promise.all([
      ...Array.from({ length: 30 }, (_, index) =>
        outcome(instances[index % 2]!.signIn('ada', 'wrong wrong wrong', '10.1.1.1')),
      ),
      outcome(instances[1]!.signIn('ada', PASSWORD, '10.1.1.1')),
    ]);
    expect(results.filter((result) => result === 'UNAUTHENTICATED').length).toBeLessThanOrEqual(5);
    expect(results.at(-1)).toBe('RATE_LIMITED');
    // The account owner elsewhere is slowed at most, never locked out.
    expect(await outcome(instances[0]!.signIn('ada', PASSWORD, '10.2.2.2'))).toBe('signed in');
    await first.close();
    await second.close();
    space.cleanup();
  });
});
