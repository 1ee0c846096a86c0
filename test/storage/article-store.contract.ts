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

    it('forgets whole threads older than the retention, but not a thread under review or still active', async () => {
      await store.save(record('o1', 'o1', null, '2025-01-01T10:00:00.000Z'));
      await store.save(record('o2', 'o1', 'o1', '2025-01-01T10:05:00.000Z'));
      await store.save(record('k1', 'k1', null, '2025-01-02T10:00:00.000Z'));
      await store.save(record('a1', 'a1', null, '2025-01-03T10:00:00.000Z'));
      await store.save(record('a2', 'a1', 'a1', '2026-11-30T10:00:00.000Z'));
      const removed = await store.deleteThreadsBefore('2026-06-01T00:00:00.000Z', ['k1']);
      expect(removed).toBe(2);
      expect(await store.get('o1')).toBeUndefined();
      expect(await store.get('o2')).toBeUndefined();
      expect(await store.get('k1')).toBeDefined();
      expect((await store.thread('a1')).map((entry) => entry.id)).toEqual(['a1', 'a2']);
    });

    it("counts the answers stored for one client since a time, and no one else's", async () => {
      await store.save(record('c1', 'c1', null, '2026-11-24T09:00:00.000Z'), 'client-a');
      await store.save(record('c2', 'c1', 'c1', '2026-11-24T09:30:00.000Z'), 'client-a');
      await store.save(record('c3', 'c3', null, '2026-11-24T09:40:00.000Z'), 'client-b');
      await store.save(record('c4', 'c4', null, '2026-11-24T09:50:00.000Z'));
      expect(await store.countByClientSince('client-a', '2026-11-24T08:00:00.000Z')).toBe(2);
      expect(await store.countByClientSince('client-a', '2026-11-24T09:10:00.000Z')).toBe(1);
      expect(await store.countByClientSince('client-c', '2026-11-24T08:00:00.000Z')).toBe(0);
      // The key is for counting only: the stored answer reads back as it was.
      expect((await store.get('c2'))?.article.title).toBe('Answer c2');
    });
  });
}
