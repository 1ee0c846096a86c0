import type { Article } from './article.js';
import type { VersionState } from './review-workflow.js';

export const ROLES = ['admin', 'reviewer', 'editor', 'reader'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: string;
  username: string;
  displayName: string;
  /** Shown with approvals, e.g. "MD, FCCP". */
  credentials: string;
  role: Role;
  createdAt: string;
}

/** A versioned document under editorial review: a kept answer, a knowledge-base topic or a clinical rules file. */
export interface EditorialDocument {
  id: string;
  kind: 'answer' | 'topic' | 'rules';
  title: string;
  specialty: string | null;
  createdAt: string;
  /** Number of the newest version. */
  currentVersion: number;
  /** Number of the version readers see (the last approved), or null. */
  approvedVersion: number | null;
  /** A cited source changed or was retracted since the last approval. */
  needsRereview: boolean;
}

export interface Approval {
  userId: string;
  name: string;
  credentials: string;
  at: string;
}

export interface DocumentVersion {
  documentId: string;
  number: number;
  state: VersionState;
  /** Optimistic-lock counter: every change of this version increments it. */
  revision: number;
  content: Article;
  citedSources: string[];
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  approval: Approval | null;
}

export type CommentTarget =
  | { kind: 'article' }
  | { kind: 'bottomLine' }
  | { kind: 'bullet'; section: number; bullet: number }
  | { kind: 'reference'; n: number };

export interface ReviewComment {
  id: string;
  documentId: string;
  versionNumber: number;
  target: CommentTarget;
  text: string;
  authorId: string;
  createdAt: string;
}

/** One line of the append-only audit log: who did what to which version, when. */
export interface AuditEntry {
  id: number;
  at: string;
  actorId: string | null;
  action: string;
  documentId: string | null;
  versionNumber: number | null;
  detail: Record<string, unknown>;
}
