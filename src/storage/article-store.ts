import type { Article } from '../domain/article.js';
import type { ThreadContext } from '../domain/thread-context.js';

export type { ThreadContext };

/** A generated answer worth keeping: stable id, its thread, and the article as composed. */
export interface StoredArticle {
  id: string;
  threadId: string;
  parentId: string | null;
  createdAt: string;
  article: Article;
  context: ThreadContext | null;
}

export interface ArticleSummary {
  id: string;
  question: string;
  title: string;
  status: Article['status'];
  createdAt: string;
}

/** Storage of generated articles and their threads (SQLite per instance, or PostgreSQL shared by several). */
export interface ArticleStore {
  /** Resolves when the store answers a trivial query; rejects when it cannot (readiness). */
  ping(): Promise<void>;
  /** Keeps the answer; `client` is a pseudonymous key of who asked (for per-client caps), never shown. */
  save(record: StoredArticle, client?: string | null): Promise<void>;
  /** How many answers `client` has had stored at or after `since` (ISO time). */
  countByClientSince(client: string, since: string): Promise<number>;
  get(id: string): Promise<StoredArticle | undefined>;
  thread(threadId: string): Promise<StoredArticle[]>;
  /** The newest questions that started a thread (follow-ups are read in their thread). */
  recent(limit: number): Promise<ArticleSummary[]>;
  /**
   * Forgets whole threads whose newest question is older than `before` (ISO time), except
   * threads holding one of `keep` (answers under editorial review); returns how many answers went.
   */
  deleteThreadsBefore(before: string, keep: string[]): Promise<number>;
  close(): Promise<void>;
}
