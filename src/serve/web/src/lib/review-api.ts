import type { Article } from './types';
import { request } from './api';

/** The editorial API, for the reviewer pages. Changes carry the session's CSRF token. */
export interface Reviewer {
  id: string;
  username: string;
  displayName: string;
  credentials: string;
  role: 'admin' | 'reviewer' | 'editor' | 'reader';
}

export interface ReviewVersion {
  number: number;
  state: 'submitted' | 'under_review' | 'changes_requested' | 'approved' | 'retired';
  revision: number;
  createdAt: string;
  content: Article;
  approval: { name: string; credentials: string; at: string } | null;
}

export interface ReviewDocument {
  id: string;
  title: string;
  specialty: string | null;
  currentVersion: number;
  approvedVersion: number | null;
  needsRereview: boolean;
  createdAt: string;
}

let csrfToken = '';

/** A change: the session's CSRF token is fetched first when the page was opened directly (a bookmark, a reload). */
const change = async <T>(path: string, body: unknown) => {
  if (!csrfToken) await currentReviewer();
  return request<T>(path, { method: 'POST', body: JSON.stringify(body), headers: { 'x-csrf-token': csrfToken } });
};

export async function signIn(username: string, password: string): Promise<Reviewer> {
  const result = await request<{ user: Reviewer; csrfToken: string }>('/api/auth/login', {
    method: 'POST',
    body: JSON.stringify({ username, password }),
  });
  csrfToken = result.csrfToken;
  return result.user;
}

export async function currentReviewer(): Promise<Reviewer | null> {
  try {
    const result = await request<{ user: Reviewer; csrfToken: string | null }>('/api/auth/me');
    csrfToken = result.csrfToken ?? '';
    return result.user;
  } catch {
    return null;
  }
}

export const signOut = () => change<{ signedOut: boolean }>('/api/auth/logout', {});

export const reviewQueue = (state?: string, specialty?: string) =>
  request<{ queue: Array<{ document: ReviewDocument; version: Omit<ReviewVersion, 'content' | 'approval'> }> }>(
    `/api/review/queue?${new URLSearchParams({ ...(state ? { state } : {}), ...(specialty ? { specialty } : {}) })}`,
  );

export const reviewDocument = (id: string) =>
  request<{
    document: ReviewDocument;
    versions: ReviewVersion[];
    comments: Array<{
      id: string;
      target: { kind: string; section?: number; bullet?: number; n?: number };
      text: string;
      createdAt: string;
    }>;
    audit: Array<{ id: number; at: string; actorId: string | null; action: string; versionNumber: number | null }>;
  }>(`/api/review/documents/${encodeURIComponent(id)}`);

export const reviewAction = (
  id: string,
  version: number,
  action: 'start_review' | 'approve' | 'request_changes',
  expectedRevision: number,
  note?: string,
) =>
  change<ReviewVersion>(`/api/review/documents/${encodeURIComponent(id)}/versions/${version}/actions`, {
    action,
    expectedRevision,
    ...(note ? { note } : {}),
  });

export const reviewComment = (id: string, version: number, section: number, bullet: number, text: string) =>
  change(`/api/review/documents/${encodeURIComponent(id)}/versions/${version}/comments`, {
    target: { kind: 'bullet', section, bullet },
    text,
  });

export const reviewDiff = (id: string, from: number, to: number) =>
  request<{ diff: Array<{ change: 'added' | 'removed' | 'unchanged'; section: string; text: string }> }>(
    `/api/review/documents/${encodeURIComponent(id)}/diff?from=${from}&to=${to}`,
  );

export const submitForReview = (articleId: string) =>
  change<{ document: ReviewDocument }>('/api/review/documents', { articleId });
