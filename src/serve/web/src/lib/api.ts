import type { Article, Audience, PassageResponse, Suggestion } from './types';

/** An error the API reported ({error: {code, message, field?}}) or a network failure. */
class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: {
        accept: 'application/json',
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        ...init.headers,
      },
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('Vesalius could not be reached. Check that the server is running and try again.', 0, 'NETWORK');
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const detail = (body as { error?: { code?: string; message?: string; field?: string } } | null)?.error;
    throw new ApiError(
      detail?.message ?? `The request failed (HTTP ${response.status}).`,
      response.status,
      detail?.code ?? 'HTTP_ERROR',
      detail?.field,
    );
  }
  return body as T;
}

function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== null && value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function ask(question: string, audience: Audience): Promise<Article> {
  return request<Article>('/api/ask', { method: 'POST', body: JSON.stringify({ question, audience }) });
}

export function getArticle(id: string, audience: Audience | null, signal?: AbortSignal): Promise<Article> {
  return request<Article>(`/api/articles/${encodeURIComponent(id)}${query({ audience })}`, { signal });
}

export function askFollowUp(parentId: string, question: string, audience: Audience): Promise<Article> {
  return request<Article>(`/api/articles/${encodeURIComponent(parentId)}/followups`, {
    method: 'POST',
    body: JSON.stringify({ question, audience }),
  });
}

export async function getThread(threadId: string, signal?: AbortSignal): Promise<Article[]> {
  return (
    await request<{ threadId: string; articles: Article[] }>(`/api/threads/${encodeURIComponent(threadId)}`, { signal })
  ).articles;
}

export function getPassage(passageId: string): Promise<PassageResponse> {
  return request<PassageResponse>(`/api/passages/${encodeURIComponent(passageId)}`);
}

export async function suggest(prefix: string, signal?: AbortSignal): Promise<Suggestion[]> {
  return (await request<{ suggestions: Suggestion[] }>(`/api/suggest${query({ q: prefix })}`, { signal })).suggestions;
}

export function exportUrl(id: string, format: 'markdown' | 'ris' | 'text', audience: Audience | null): string {
  return `/api/articles/${encodeURIComponent(id)}/export${query({ format, audience })}`;
}

/** Where answers stream from (POST, the question in the body). */
export const STREAM_PATH = '/api/ask/stream';

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
