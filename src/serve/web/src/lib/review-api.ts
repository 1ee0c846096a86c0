import type { Article } from './types';
import type { CommentTarget } from '../../../../domain/editorial.js';
import { request } from './api';
import { rememberSignedIn } from './signed-in';

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
  kind: 'answer' | 'topic' | 'rules';
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
  rememberSignedIn(result.user.role);
  return result.user;
}

export async function currentReviewer(): Promise<Reviewer | null> {
  try {
    const result = await request<{ user: Reviewer; csrfToken: string | null }>('/api/auth/me');
    csrfToken = result.csrfToken ?? '';
    rememberSignedIn(result.user?.role ?? null);
    return result.user;
  } catch {
    rememberSignedIn(null);
    return null;
  }
}

export const signOut = async () => {
  const result = await change<{ signedOut: boolean }>('/api/auth/logout', {});
  rememberSignedIn(null);
  csrfToken = '';
  return result;
};

export const reviewQueue = (state?: string, specialty?: string, page = 1) =>
  request<{
    page: number;
    hasMore: boolean;
    queue: Array<{ document: ReviewDocument; version: Omit<ReviewVersion, 'content' | 'approval'> }>;
  }>(
    `/api/review/queue?${new URLSearchParams({ ...(state ? { state } : {}), ...(specialty ? { specialty } : {}), page: String(page) })}`,
  );

export const reviewDocument = (id: string) =>
  request<{
    document: ReviewDocument;
    versions: ReviewVersion[];
    comments: ReviewCommentView[];
    audit: Array<{
      id: number;
      at: string;
      actorId: string | null;
      actor: string | null;
      action: string;
      versionNumber: number | null;
      detail?: { note?: string };
    }>;
    permissions: { review: boolean; revise: boolean; approveCurrent: boolean };
  }>(`/api/review/documents/${encodeURIComponent(id)}`);

/** Where a comment points: the whole article, the bottom line, a statement or a reference. */
export type { CommentTarget };

export interface ReviewCommentView {
  id: string;
  versionNumber: number;
  target: { kind: string; section?: number; bullet?: number; n?: number };
  text: string;
  author: string | null;
  createdAt: string;
}

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

export const reviewComment = (id: string, version: number, target: CommentTarget, text: string) =>
  change(`/api/review/documents/${encodeURIComponent(id)}/versions/${version}/comments`, { target, text });

export const reviewDiff = (id: string, from: number, to: number) =>
  request<{
    diff: Array<{
      change: 'added' | 'removed' | 'unchanged' | 'changed';
      section: string;
      text: string;
      words?: Array<{ change: 'added' | 'removed' | 'unchanged'; text: string }>;
    }>;
  }>(`/api/review/documents/${encodeURIComponent(id)}/diff?from=${from}&to=${to}`);

export const submitForReview = (articleId: string) =>
  change<{ document: ReviewDocument }>('/api/review/documents', { articleId });
