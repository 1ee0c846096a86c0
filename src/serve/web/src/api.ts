/** Types and calls of the Vesalius HTTP API (see /api/openapi.json). */
import type { Article as ComposedArticle } from '../../../domain/article.js';
import type { Audience } from '../../../domain/audience.js';

export type { Audience } from '../../../domain/audience.js';
export type { Bullet, Reference, Section } from '../../../domain/article.js';
export type Status = ComposedArticle['status'];

/** An article as the API returns it: the composed article plus its identity and review. */
export interface Article extends Omit<ComposedArticle, 'trace'> {
  id: string;
  permalink: string;
  threadId: string;
  parentId: string | null;
  createdAt: string;
  reviewedBy?: { name: string; credentials: string; date: string };
}
export interface Passage {
  passage: { id: string; sourceId: string; section: string; text: string; title: string };
  source: { id: string; title: string } | null;
}

export const AUDIENCES: Array<{ value: Audience; label: string }> = [
  { value: 'physician', label: 'Physician' },
  { value: 'nurse', label: 'Nurse / NP / PA' },
  { value: 'pharmacist', label: 'Pharmacist' },
  { value: 'student', label: 'Medical student' },
  { value: 'patient', label: 'Patient or caregiver' },
];

async function json<T>(response: Response): Promise<T> {
  const body = (await response.json()) as T & { error?: { message: string } };
  if (!response.ok) throw new Error(body.error?.message ?? `HTTP ${response.status}`);
  return body;
}

const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

export const api = {
  ask: (question: string, audience: Audience) => post('/api/ask', { question, audience }).then(json<Article>),
  article: (id: string, audience?: Audience) => fetch(`/api/articles/${encodeURIComponent(id)}${audience ? `?audience=${audience}` : ''}`).then(json<Article>),
  followUp: (id: string, question: string) => post(`/api/articles/${encodeURIComponent(id)}/followups`, { question }).then(json<Article>),
  thread: (threadId: string) => fetch(`/api/threads/${encodeURIComponent(threadId)}`).then(json<{ articles: Article[] }>),
  recent: (limit: number) => fetch(`/api/articles?limit=${limit}`).then(json<{ articles: Array<{ id: string; permalink: string; question: string; title: string; status: Status }> }>),
  passage: (id: string) => fetch(`/api/passages/${encodeURIComponent(id)}`).then(json<Passage>),
  suggest: (q: string) => fetch(`/api/suggest?q=${encodeURIComponent(q)}`).then(json<{ suggestions: Array<{ topicId: string; title: string; specialty: string }> }>),
};

/** Client-side navigation without a router library. */
export function navigate(path: string): void {
  window.history.pushState({}, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}
