import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteEditorialRepository } from '../../src/storage/sqlite/sqlite-editorial-repository.js';
import { scratch } from '../helpers.js';
import { describeEditorialRepository } from './editorial-repository.contract.js';
import { describeArticleStore } from './article-store.contract.js';
import { SqliteArticleStore } from '../../src/storage/sqlite/sqlite-article-store.js';

describeEditorialRepository('SQLite', async () => {
  const space = scratch();
  return {
    repository: new SqliteEditorialRepository(join(space.dir, 'editorial.sqlite')),
    cleanup: async () => space.cleanup(),
  };
});

describe('SQLite editorial store', () => {
  it('refuses to rewrite or delete audit lines', async () => {
    const space = scratch();
    const path = join(space.dir, 'editorial.sqlite');
    const repository = new SqliteEditorialRepository(path);
    await repository.createUser(
      {
        id: 'u1',
        username: 'ada',
        displayName: 'Ada',
        credentials: 'MD',
        role: 'admin',
        passwordHash: 'x',
        createdAt: '2026-01-01',
      },
      { at: '2026-01-01', actorId: null, action: 'user.create' },
    );
    await repository.close();
    const db = new Database(path);
    expect(() => db.prepare("UPDATE audit_log SET action = 'forged'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    db.close();
    space.cleanup();
  });
});

describeArticleStore('SQLite', async () => {
  const space = scratch();
  return { store: new SqliteArticleStore(join(space.dir, 'store.sqlite')), cleanup: async () => space.cleanup() };
});
