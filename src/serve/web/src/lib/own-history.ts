import type { Article, ArticleSummary } from './types';

const KEY = 'vesalius.history';
const LIMIT = 8;

/**
 * The questions this browser asked, newest first, kept in the browser only: nobody else sees
 * them, and the server lists no one's questions to the public.
 */
export function ownHistory(): ArticleSummary[] {
  try {
    const stored: unknown = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? '[]');
    return Array.isArray(stored) ? (stored as ArticleSummary[]).slice(0, LIMIT) : [];
  } catch {
    return [];
  }
}

/** Adds an asked question to this browser's history. */
export function rememberQuestion(article: Article): void {
  const summary: ArticleSummary = {
    id: article.id,
    permalink: article.permalink,
    question: article.question,
    title: article.title,
    status: article.status,
    createdAt: article.createdAt,
  };
  try {
    const rest = ownHistory().filter((item) => item.id !== article.id && item.question !== article.question);
    globalThis.localStorage?.setItem(KEY, JSON.stringify([summary, ...rest].slice(0, LIMIT)));
  } catch {
    // Storage full or disabled (private browsing): history is a convenience only.
  }
}

/** Forgets this browser's history. */
export function clearHistory(): void {
  try {
    globalThis.localStorage?.removeItem(KEY);
  } catch {
    // Nothing to clear.
  }
}
