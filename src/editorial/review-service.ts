import type { Article } from '../domain/article.js';
import type {
  CommentTarget,
  DocumentVersion,
  EditorialDocument,
  ReviewComment,
  Role,
  User,
} from '../domain/editorial.js';
import { VesaliusError } from '../domain/errors.js';
import { newId as randomId } from '../storage/new-id.js';
import { applyReviewAction, type ReviewAction } from '../domain/review-workflow.js';
import type { EditorialRepository, QueueFilter, QueueItem } from '../storage/editorial-repository.js';
import { diffVersions, type VersionDiffLine } from './diff-versions.js';
import { hashPassword } from './hash-password.js';
import { passwordWeakness } from './password-rule.js';
import { coveredBy, type ReviewedView, showApproved } from './show-reviewed.js';
import { topicDocumentId } from '../domain/ids.js';

/** Who may do what; checked here, on the server, for every editorial operation. */
const PERMISSIONS: Record<string, Role[]> = {
  'users.manage': ['admin'],
  'documents.submit': ['admin', 'editor', 'reviewer'],
  'documents.revise': ['admin', 'editor'],
  'documents.review': ['admin', 'reviewer'],
  'documents.retire': ['admin'],
  'documents.read': ['admin', 'editor', 'reviewer'],
  'sources.flag': ['admin', 'editor'],
};

/** Most review comments one version keeps. */
export const MAX_COMMENTS_PER_VERSION = 500;

export type Permission = keyof typeof PERMISSIONS;

export function can(user: User | null, permission: Permission): boolean {
  return user !== null && (PERMISSIONS[permission] ?? []).includes(user.role);
}

/**
 * The editorial workflow: submitting kept answers, review transitions with optimistic
 * locking, comments, revisions, approvals and the audit trail, with role checks.
 */
export class ReviewService {
  constructor(
    private readonly repository: EditorialRepository,
    private readonly clock: () => Date = () => new Date(),
    private readonly newId: () => string = randomId,
  ) {}

  private now(): string {
    return this.clock().toISOString();
  }

  private require(actor: User | null, permission: Permission): User {
    if (!actor) throw new VesaliusError('UNAUTHENTICATED', 'Sign in first.');
    if (!can(actor, permission))
      throw new VesaliusError(
        'FORBIDDEN',
        `A ${actor.role} may not do this (${permission}); ask an admin for the role it needs.`,
      );
    return actor;
  }

  async addUser(
    input: { username: string; displayName: string; credentials: string; role: Role; password: string },
    actor: User | null,
  ): Promise<User> {
    if (actor) this.require(actor, 'users.manage');
    if (!/^[a-z0-9._-]{2,40}$/i.test(input.username))
      throw new VesaliusError('INVALID_INPUT', 'username must be 2–40 letters, digits, ".", "_" or "-".', {
        details: { field: 'username' },
      });
    const weakness = passwordWeakness(input.password, input.username);
    if (weakness) throw new VesaliusError('INVALID_INPUT', `password ${weakness}.`, { details: { field: 'password' } });
    return this.repository.createUser(
      {
        id: this.newId(),
        username: input.username,
        displayName: input.displayName,
        credentials: input.credentials,
        role: input.role,
        passwordHash: await hashPassword(input.password),
        createdAt: this.now(),
      },
      { at: this.now(), actorId: actor?.id ?? null, action: 'user.create' },
    );
  }

  async setRole(username: string, role: Role, actor: User | null): Promise<User> {
    if (actor) this.require(actor, 'users.manage');
    const user = await this.repository.findUserByUsername(username);
    if (!user) throw new VesaliusError('NOT_FOUND', `No user ${username}.`, { details: { field: 'username' } });
    // Someone must always be able to manage accounts.
    if (user.role === 'admin' && role !== 'admin') {
      const admins = (await this.repository.listUsers()).filter((other) => other.role === 'admin');
      if (admins.length <= 1)
        throw new VesaliusError('CONFLICT', `${username} is the last admin: make another admin first.`, {
          details: { field: 'role' },
        });
    }
    return this.repository.setRole(user.id, role, {
      at: this.now(),
      actorId: actor?.id ?? null,
      action: 'user.set_role',
    });
  }

  /** Keeps a generated answer as a document for review (version 1, submitted). */
  /** Whether a document with this id is in the editorial store. */
  async exists(documentId: string): Promise<boolean> {
    return (await this.repository.getDocument(documentId)) !== null;
  }

  async submit(
    article: Article,
    input: { id?: string; kind?: EditorialDocument['kind']; specialty?: string | null },
    actor: User,
  ): Promise<{ document: EditorialDocument; version: DocumentVersion }> {
    this.require(actor, 'documents.submit');
    if (input.id && (await this.repository.getDocument(input.id))) {
      throw new VesaliusError('CONFLICT', `Answer ${input.id} is already in review; revise that document instead.`, {
        details: { field: 'articleId' },
      });
    }
    return this.repository.createDocument(
      {
        id: input.id ?? this.newId(),
        kind: input.kind ?? 'answer',
        title: article.title || article.question,
        specialty: input.specialty ?? null,
        content: article,
        citedSources: article.references.map((reference) => reference.sourceId),
        createdBy: actor.id,
        at: this.now(),
      },
      { at: this.now(), actorId: actor.id, action: 'document.submit' },
    );
  }

  /**
   * Submits a kept answer for review under the answer's own id, so its public page shows the
   * review; the trace (timings) is not reviewed content.
   */
  async submitAnswer(
    articleId: string,
    article: Article,
    specialty: string | null,
    actor: User,
  ): Promise<{ document: EditorialDocument; version: DocumentVersion }> {
    return this.submit({ ...article, trace: [] }, { id: articleId, specialty }, actor);
  }

  /** A review action on a version the actor loaded at `expectedRevision`; 409 when it changed or is not allowed. */
  async act(
    documentId: string,
    number: number,
    expectedRevision: number,
    action: Exclude<ReviewAction, 'resubmit'>,
    actor: User,
    note?: string,
  ): Promise<DocumentVersion> {
    this.require(actor, action === 'retire' ? 'documents.retire' : 'documents.review');
    const version = await this.repository.getVersion(documentId, number);
    if (!version) throw new VesaliusError('NOT_FOUND', `No version ${number} of document ${documentId}.`);
    // Separation of duties: the person who wrote a version is not the one who approves it.
    if (action === 'approve' && version.createdBy !== null && version.createdBy === actor?.id) {
      throw new VesaliusError(
        'FORBIDDEN',
        `You submitted or revised version ${number} of ${documentId}; another reviewer must approve it.`,
        { details: { field: 'action' } },
      );
    }
    const result = applyReviewAction(version.state, action);
    if (!result.ok) {
      throw new VesaliusError(
        'CONFLICT',
        `Cannot ${action.replace('_', ' ')} a version that is ${version.state.replace('_', ' ')}; allowed: ${result.allowed.join(', ') || 'nothing'}.`,
        { details: { state: version.state, revision: version.revision, allowed: result.allowed } },
      );
    }
    const approval =
      action === 'approve'
        ? { userId: actor.id, name: actor.displayName, credentials: actor.credentials, at: this.now() }
        : null;
    return this.repository.setVersionState(
      { documentId, number, expectedRevision, state: result.state, approval, at: this.now() },
      { at: this.now(), actorId: actor.id, action: `review.${action}`, detail: note ? { note } : {} },
    );
  }

  /** A new version in `submitted`: after changes were requested, or an edit of an approved article (readers keep the approved one). */
  async revise(documentId: string, expectedCurrent: number, content: Article, actor: User): Promise<DocumentVersion> {
    this.require(actor, 'documents.revise');
    return this.repository.addVersion(
      {
        documentId,
        expectedCurrent,
        content,
        citedSources: content.references.map((reference) => reference.sourceId),
        createdBy: actor.id,
        at: this.now(),
      },
      { at: this.now(), actorId: actor.id, action: 'document.revise' },
    );
  }

  async comment(
    documentId: string,
    number: number,
    target: CommentTarget,
    text: string,
    actor: User,
  ): Promise<ReviewComment> {
    this.require(actor, 'documents.review');
    if (!text.trim())
      throw new VesaliusError('INVALID_INPUT', 'comment text is empty.', { details: { field: 'text' } });
    // A review is a conversation, not a log anyone signed in may grow for ever (and every
    // reviewer page read returns it whole).
    const existing = (await this.repository.listComments(documentId, number)).length;
    if (existing >= MAX_COMMENTS_PER_VERSION)
      throw new VesaliusError(
        'CONFLICT',
        `Version ${number} already has ${existing} comments, the most one version keeps: revise the document and comment on the new version.`,
        { details: { field: 'text' } },
      );
    return this.repository.addComment(
      {
        id: this.newId(),
        documentId,
        versionNumber: number,
        target,
        text: text.trim(),
        authorId: actor.id,
        createdAt: this.now(),
      },
      { at: this.now(), actorId: actor.id, action: 'comment.add' },
    );
  }

  async flagSource(sourceId: string, actor: User): Promise<number> {
    this.require(actor, 'sources.flag');
    return this.repository.flagDocumentsCiting(sourceId, {
      at: this.now(),
      actorId: actor.id,
      action: 'source.changed',
    });
  }

  async queue(filter: QueueFilter, actor: User): Promise<QueueItem[]> {
    this.require(actor, 'documents.read');
    return this.repository.listQueue(filter);
  }

  async diff(documentId: string, from: number, to: number, actor: User): Promise<VersionDiffLine[]> {
    this.require(actor, 'documents.read');
    const [before, after] = await Promise.all([
      this.repository.getVersion(documentId, from),
      this.repository.getVersion(documentId, to),
    ]);
    if (!before || !after)
      throw new VesaliusError('NOT_FOUND', `Document ${documentId} has no version ${before ? to : from}.`);
    return diffVersions(before.content, after.content);
  }

  /**
   * How a kept answer stands for its readers, in the audience they chose: its own review when
   * it was submitted, else the review of the knowledge-base topics it was built from; null when
   * neither was ever submitted. Approved means the content shown is what was approved.
   */
  async readerView(articleId: string, shown: Article): Promise<ReviewedView | null> {
    const own = await this.standing(articleId);
    if (own) {
      if (!own.approved) return { ...own.pending, content: null, approvedAudience: null };
      return { ...showApproved(shown, own.approved.content), ...approvalOf(own.approved, own.document) };
    }
    if (shown.topics.length === 0) return null;
    const topics = await Promise.all(shown.topics.map((topic) => this.standing(topicDocumentId(topic))));
    if (topics.some((topic) => topic === null)) return null;
    const known = topics.filter((topic): topic is NonNullable<typeof topic> => topic !== null);
    const approvedTopics = known.flatMap((topic) => (topic.approved ? [topic.approved] : []));
    const needsRereview = known.some((topic) => topic.document.needsRereview);
    if (
      approvedTopics.length === known.length &&
      coveredBy(
        shown,
        approvedTopics.map((version) => version.content),
      )
    ) {
      const first = approvedTopics[0];
      return {
        ...(first ? approvalOf(first, known[0]?.document ?? null) : { reviewedBy: null, reviewStatus: 'approved' }),
        content: null,
        needsRereview,
        approvedAudience: null,
      };
    }
    // Under review while any part is; an approved part whose text changed is under review too.
    const pending = known.some((topic) => topic.pending.reviewStatus === 'under_review');
    return {
      content: null,
      reviewStatus: pending ? 'under_review' : 'submitted',
      reviewedBy: null,
      needsRereview,
      approvedAudience: null,
    };
  }

  /** How one document stands for readers (a knowledge-base topic: `topic:<id>`); null when never submitted. */
  async documentStatus(
    documentId: string,
  ): Promise<Pick<ReviewedView, 'reviewStatus' | 'reviewedBy' | 'needsRereview'> | null> {
    const standing = await this.standing(documentId);
    if (!standing) return null;
    return standing.approved ? approvalOf(standing.approved, standing.document) : standing.pending;
  }

  private async standing(documentId: string): Promise<{
    document: EditorialDocument;
    approved: DocumentVersion | null;
    pending: { reviewStatus: 'submitted' | 'under_review'; reviewedBy: null; needsRereview: boolean };
  } | null> {
    const document = await this.repository.getDocument(documentId);
    if (!document) return null;
    const approved =
      document.approvedVersion === null ? null : await this.repository.getVersion(documentId, document.approvedVersion);
    const current = await this.repository.getVersion(documentId, document.currentVersion);
    return {
      document,
      approved: approved?.state === 'approved' ? approved : null,
      pending: {
        // Approved text that no longer covers what is shown is not under anyone's review yet.
        reviewStatus: current?.state === 'submitted' || current?.state === 'approved' ? 'submitted' : 'under_review',
        reviewedBy: null,
        needsRereview: document.needsRereview,
      },
    };
  }

  /** What readers see: the last approved version, with who approved it; else the newest, pending review. */
  async published(documentId: string): Promise<{ document: EditorialDocument; version: DocumentVersion } | null> {
    const document = await this.repository.getDocument(documentId);
    if (!document) return null;
    const version = await this.repository.getVersion(documentId, document.approvedVersion ?? document.currentVersion);
    return version ? { document, version } : null;
  }
}

function approvalOf(
  version: DocumentVersion,
  document: EditorialDocument | null,
): Pick<ReviewedView, 'reviewStatus' | 'reviewedBy' | 'needsRereview' | 'approvedOn'> {
  return {
    reviewStatus: 'approved',
    ...(version.approval ? { approvedOn: version.approval.at.slice(0, 10) } : {}),
    reviewedBy: version.approval
      ? {
          name: version.approval.name,
          credentials: version.approval.credentials,
          date: version.approval.at.slice(0, 10),
        }
      : null,
    needsRereview: document?.needsRereview ?? false,
  };
}
