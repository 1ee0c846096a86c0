import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleStore, StoredArticle } from '../../src/storage/article-store.js';
import { sampleArticle } from './editorial-repository.contract.js';

/** The contract every ArticleStore meets; run against SQLite and PostgreSQL. */
export function describeArticleStore(
  name: string,
  open: () => Promise<{ store: ArticleStore; cleanup: () => Promise<void> }>,
): void {
  describe(`ArticleStore contract: ${name}`, () => {
    let store: ArticleStore;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      ({ store, cleanup } = await open());
    });
    afterAll(async () => {
      await store.close();
      await cleanup();
    });

    const record = (id: string, threadId: string, parentId: string | null, createdAt: string): StoredArticle => ({
      id,
      threadId,
      parentId,
      createdAt,
      article: sampleArticle(`Answer ${id}`),
      context: parentId
        ? { question: 'How is gout treated?', questionType: 'treatment', topics: ['gout'], topicTitle: 'Gout' }
        : null,
    });

    it('keeps answers and threads, and lists only thread starters as recent, newest first', async () => {
      await store.save(record('r1', 'r1', null, '2026-11-24T10:00:00.000Z'));
      await store.save(record('f1', 'r1', 'r1', '2026-11-24T10:01:00.000Z'));
      await store.save(record('r2', 'r2', null, '2026-11-24T10:02:00.000Z'));
      expect(await store.get('f1')).toEqual(record('f1', 'r1', 'r1', '2026-11-24T10:01:00.000Z'));
      expect(await store.get('missing')).toBeUndefined();
      expect((await store.thread('r1')).map((entry) => entry.id)).toEqual(['r1', 'f1']);
      expect((await store.recent(10)).map((entry) => entry.id)).toEqual(['r2', 'r1']);
      expect((await store.recent(1))[0]).toMatchObject({
        id: 'r2',
        question: 'How is Answer r2 treated?',
        title: 'Answer r2',
        status: 'answered',
        createdAt: '2026-11-24T10:02:00.000Z',
      });
    });
  });
}
