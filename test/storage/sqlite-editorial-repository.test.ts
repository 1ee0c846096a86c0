import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteEditorialRepository } from '../../src/storage/sqlite/sqlite-editorial-repository.js';
import { scratch } from '../helpers.js';
import { describeEditorialRepository, sampleArticle } from './editorial-repository.contract.js';
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

describe('SQLite answer store', () => {
  it('upgrades a file made by an earlier version in place, keeping its answers', async () => {
    const space = scratch();
    const path = join(space.dir, 'store.sqlite');
    // The file as the first release left it: schema step 1 only, user_version 1.
    const old = new Database(path);
    old.exec(`CREATE TABLE articles (
       id TEXT PRIMARY KEY, thread_id TEXT NOT NULL, parent_id TEXT, created_at TEXT NOT NULL,
       question TEXT NOT NULL, title TEXT NOT NULL, status TEXT NOT NULL, article TEXT NOT NULL, context TEXT
     );
     CREATE INDEX articles_thread ON articles (thread_id, created_at);
     CREATE INDEX articles_created ON articles (created_at);`);
    old
      .prepare('INSERT INTO articles VALUES (?, ?, NULL, ?, ?, ?, ?, ?, NULL)')
      .run(
        'a1',
        'a1',
        '2026-01-01T00:00:00.000Z',
        'How is Old treated?',
        'Old',
        'answered',
        JSON.stringify(sampleArticle('Old')),
      );
    old.pragma('user_version = 1');
    old.close();

    const store = new SqliteArticleStore(path);
    expect((await store.get('a1'))?.article).toEqual(sampleArticle('Old'));
    await store.save(
      {
        id: 'a2',
        threadId: 'a2',
        parentId: null,
        createdAt: '2026-01-02T00:00:00.000Z',
        article: sampleArticle('New'),
        context: null,
      },
      'client-a',
    );
    expect(await store.countByClientSince('client-a', '2026-01-01T00:00:00.000Z')).toBe(1);
    await store.close();
    const upgraded = new Database(path, { readonly: true });
    expect(upgraded.pragma('user_version', { simple: true })).toBe(2);
    upgraded.close();
    space.cleanup();
  });
});

describeArticleStore('SQLite', async () => {
  const space = scratch();
  return { store: new SqliteArticleStore(join(space.dir, 'store.sqlite')), cleanup: async () => space.cleanup() };
});
