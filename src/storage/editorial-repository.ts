import type {
  Approval,
  AuditEntry,
  CommentTarget,
  DocumentVersion,
  EditorialDocument,
  ReviewComment,
  Role,
  User,
} from '../domain/editorial.js';
import type { Article } from '../domain/article.js';
import type { VersionState } from '../domain/review-workflow.js';
import type { SignInAttempts } from './sign-in-attempts.js';

export interface NewUser {
  id: string;
  username: string;
  displayName: string;
  credentials: string;
  role: Role;
  passwordHash: string;
  createdAt: string;
}

export interface AuditInput {
  at: string;
  actorId: string | null;
  action: string;
  detail?: Record<string, unknown>;
}

export interface Session {
  /** SHA-256 of the session token (the token itself is only in the cookie). */
  idHash: string;
  userId: string;
  csrfToken: string;
  expiresAt: string;
}

export interface ApiToken {
  id: string;
  userId: string;
  name: string;
  tokenHash: string;
  createdAt: string;
}

export interface QueueFilter {
  states?: VersionState[];
  /** Matched without regard to case ("Pulmonology" finds "pulmonology"). */
  specialty?: string;
  limit?: number;
  /** Rows to skip, for paging past the first `limit`. */
  offset?: number;
}

export interface QueueItem {
  document: EditorialDocument;
  version: DocumentVersion;
}

/** Accounts, their roles, browser sessions and API tokens. */
export interface UsersAndSessions {
  createUser(user: NewUser, audit: AuditInput): Promise<User>;
  getUser(id: string): Promise<User | null>;
  findUserByUsername(username: string): Promise<(User & { passwordHash: string }) | null>;
  listUsers(): Promise<User[]>;
  setRole(userId: string, role: Role, audit: AuditInput): Promise<User>;

  createSession(session: Session): Promise<void>;
  getSession(idHash: string): Promise<Session | null>;
  deleteSession(idHash: string): Promise<void>;
  /** Removes sessions that expired before `now`; returns how many. */
  deleteExpiredSessions(now: string): Promise<number>;
  createApiToken(token: ApiToken, audit: AuditInput): Promise<void>;
  findApiToken(tokenHash: string): Promise<ApiToken | null>;
  /** Revokes a token (only its owner's, unless `ownerId` is null); false when there was none. */
  revokeApiToken(id: string, ownerId: string | null, audit: AuditInput): Promise<boolean>;
}

/** Versioned documents under review: their versions, the review queue, re-review flags and comments. */
export interface ReviewDocuments {
  /** A new document with version 1 in `submitted`. */
  createDocument(
    input: {
      id: string;
      kind: EditorialDocument['kind'];
      title: string;
      specialty: string | null;
      content: Article;
      citedSources: string[];
      createdBy: string | null;
      at: string;
    },
    audit: AuditInput,
  ): Promise<{ document: EditorialDocument; version: DocumentVersion }>;
  getDocument(id: string): Promise<EditorialDocument | null>;
  getVersion(documentId: string, number: number): Promise<DocumentVersion | null>;
  listVersions(documentId: string): Promise<DocumentVersion[]>;
  /** A new version in `submitted`; rejects with CONFLICT unless `expectedCurrent` is still the newest version. */
  addVersion(
    input: {
      documentId: string;
      expectedCurrent: number;
      content: Article;
      citedSources: string[];
      createdBy: string | null;
      at: string;
    },
    audit: AuditInput,
  ): Promise<DocumentVersion>;
  /**
   * Moves a version to `state` if its revision is still `expectedRevision` (else CONFLICT).
   * Approving records the approval and makes the version the one readers see.
   */
  setVersionState(
    input: {
      documentId: string;
      number: number;
      expectedRevision: number;
      state: VersionState;
      approval: Approval | null;
      at: string;
    },
    audit: AuditInput,
  ): Promise<DocumentVersion>;
  /** Oldest first. */
  listQueue(filter: QueueFilter): Promise<QueueItem[]>;
  /** Flags every document whose current or approved version cites the source; returns how many. */
  flagDocumentsCiting(sourceId: string, audit: AuditInput): Promise<number>;

  addComment(
    comment: {
      id: string;
      documentId: string;
      versionNumber: number;
      target: CommentTarget;
      text: string;
      authorId: string;
      createdAt: string;
    },
    audit: AuditInput,
  ): Promise<ReviewComment>;
  listComments(documentId: string, versionNumber: number): Promise<ReviewComment[]>;
}

/** The append-only audit log; entries are written by the changing methods of the other parts, in their transaction. */
export interface AuditLog {
  listAudit(filter: { documentId?: string; limit?: number }): Promise<AuditEntry[]>;
}

/**
 * Storage of the editorial side, by concern: users and sessions, review documents, the
 * audit log and sign-in attempts. Every method that changes a document also appends its
 * audit entry in the same transaction. Conflicting writes (a stale revision, a duplicate
 * username) reject with VesaliusError code CONFLICT. One implementation (src/storage/sql/)
 * runs on SQLite (embedded) and PostgreSQL (several app instances); one contract suite runs
 * against both.
 */
export interface EditorialRepository extends UsersAndSessions, ReviewDocuments, AuditLog, SignInAttempts {
  /** Resolves when the store answers a trivial query; rejects when it cannot (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
