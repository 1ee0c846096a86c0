import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/domain/article.js';
import { isVesaliusError } from '../../src/domain/errors.js';
import type { AuditInput, EditorialRepository } from '../../src/storage/editorial-repository.js';

/** An article small enough to store, real enough to read back. */
export function sampleArticle(title: string, sources: string[] = ['ref:a-2020']): Article {
  return {
    question: `How is ${title} treated?`,
    status: 'answered',
    questionType: 'treatment',
    title,
    alert: null,
    bottomLine: { text: `${title} is treated.`, citations: [1] },
    sections: [
      {
        heading: 'First-line therapy',
        bullets: [{ text: 'Drug A 10 mg orally once daily.', citations: [1], evidence: ['kb:x:1'] }],
      },
    ],
    references: sources.map((sourceId, index) => ({
      n: index + 1,
      sourceId,
      title: `Source ${index + 1}`,
      authors: ['Doe J'],
      journal: 'J',
      year: 2020,
      pmid: null,
      doi: null,
      url: null,
      evidenceLevel: 'A',
      kind: 'guideline',
    })),
    audience: 'physician',
    reviewStatus: 'submitted',
    lastUpdated: '2026-11-24',
    disclaimer: 'For professionals.',
    topics: [],
    trace: [],
  };
}

const audit = (action: string, actorId: string | null = null): AuditInput => ({
  at: new Date().toISOString(),
  actorId,
  action,
});

async function conflict(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    if (isVesaliusError(error) && error.code === 'CONFLICT') return error.details;
    throw error;
  }
  throw new Error('expected a CONFLICT');
}

/** The contract every EditorialRepository meets; run against SQLite and PostgreSQL. */
export function describeEditorialRepository(
  name: string,
  open: () => Promise<{ repository: EditorialRepository; cleanup: () => Promise<void> }>,
): void {
  describe(`EditorialRepository contract: ${name}`, () => {
    let repository: EditorialRepository;
    let cleanup: () => Promise<void>;
    let sequence = 0;
    const id = (prefix: string) => {
      sequence += 1;
      return `${prefix}-${sequence}`;
    };
    const user = (role: 'admin' | 'reviewer' | 'editor' | 'reader', username = id(role)) => ({
      id: id('u'),
      username,
      displayName: `Dr ${username}`,
      credentials: 'MD',
      role,
      passwordHash: 'scrypt$x$y',
      createdAt: new Date().toISOString(),
    });
    const newDocument = async (title: string, specialty: string | null = 'pulmonology', sources?: string[]) =>
      repository.createDocument(
        {
          id: id('d'),
          kind: 'answer',
          title,
          specialty,
          content: sampleArticle(title, sources),
          citedSources: sources ?? ['ref:a-2020'],
          createdBy: null,
          at: new Date(Date.now() + sequence).toISOString(),
        },
        audit('document.create'),
      );

    beforeAll(async () => {
      ({ repository, cleanup } = await open());
    });
    afterAll(async () => {
      await repository.close();
      await cleanup();
    });

    it('creates users, finds them by username, refuses duplicates and changes roles', async () => {
      const created = await repository.createUser(user('reviewer', 'ada'), audit('user.create'));
      expect(created).toMatchObject({ username: 'ada', role: 'reviewer', credentials: 'MD' });
      expect(created).not.toHaveProperty('passwordHash');
      expect((await repository.findUserByUsername('ada'))?.passwordHash).toBe('scrypt$x$y');
      expect(await repository.findUserByUsername('nobody')).toBeNull();
      await conflict(repository.createUser(user('editor', 'ada'), audit('user.create')));
      expect((await repository.setRole(created.id, 'admin', audit('user.role'))).role).toBe('admin');
      expect((await repository.getUser(created.id))?.role).toBe('admin');
      expect((await repository.listUsers()).map((entry) => entry.username)).toContain('ada');
    });

    it('stores sessions and API tokens by hash', async () => {
      const owner = await repository.createUser(user('editor'), audit('user.create'));
      await repository.createSession({
        idHash: 'h1',
        userId: owner.id,
        csrfToken: 'c1',
        expiresAt: '2099-01-01T00:00:00.000Z',
      });
      expect(await repository.getSession('h1')).toEqual({
        idHash: 'h1',
        userId: owner.id,
        csrfToken: 'c1',
        expiresAt: '2099-01-01T00:00:00.000Z',
      });
      await repository.deleteSession('h1');
      expect(await repository.getSession('h1')).toBeNull();
      await repository.createSession({
        idHash: 'old',
        userId: owner.id,
        csrfToken: 'c',
        expiresAt: '2020-01-01T00:00:00.000Z',
      });
      expect(await repository.deleteExpiredSessions('2026-01-01T00:00:00.000Z')).toBeGreaterThanOrEqual(1);
      expect(await repository.getSession('old')).toBeNull();
      const tokenId = id('t');
      await repository.createApiToken(
        { id: tokenId, userId: owner.id, name: 'script', tokenHash: 'th', createdAt: new Date().toISOString() },
        audit('token.create'),
      );
      expect((await repository.findApiToken('th'))?.userId).toBe(owner.id);
      expect(await repository.findApiToken('other')).toBeNull();
      expect(await repository.revokeApiToken(tokenId, 'someone-else', audit('token.revoke'))).toBe(false);
      expect(await repository.revokeApiToken(tokenId, owner.id, audit('token.revoke'))).toBe(true);
      expect(await repository.findApiToken('th')).toBeNull();
    });

    it('creates a document with version 1 submitted and reads it back whole', async () => {
      const { document, version } = await newDocument('Gout');
      expect(document).toMatchObject({
        kind: 'answer',
        title: 'Gout',
        currentVersion: 1,
        approvedVersion: null,
        needsRereview: false,
      });
      expect(version).toMatchObject({ number: 1, state: 'submitted', revision: 1, approval: null });
      expect((await repository.getVersion(document.id, 1))?.content).toEqual(sampleArticle('Gout'));
      expect(await repository.getDocument('missing')).toBeNull();
      expect(await repository.getVersion(document.id, 9)).toBeNull();
    });

    it('moves a version only from the expected revision, and approving records who and makes it public', async () => {
      const { document } = await newDocument('Asthma');
      const reviewing = await repository.setVersionState(
        {
          documentId: document.id,
          number: 1,
          expectedRevision: 1,
          state: 'under_review',
          approval: null,
          at: new Date().toISOString(),
        },
        audit('review.start'),
      );
      expect(reviewing).toMatchObject({ state: 'under_review', revision: 2 });
      const details = await conflict(
        repository.setVersionState(
          {
            documentId: document.id,
            number: 1,
            expectedRevision: 1,
            state: 'approved',
            approval: null,
            at: new Date().toISOString(),
          },
          audit('review.approve'),
        ),
      );
      expect(details).toMatchObject({ state: 'under_review', revision: 2 });
      const approval = { userId: 'u-x', name: 'Dr Ada', credentials: 'MD, FCCP', at: '2026-11-24T12:00:00.000Z' };
      const approved = await repository.setVersionState(
        {
          documentId: document.id,
          number: 1,
          expectedRevision: 2,
          state: 'approved',
          approval,
          at: new Date().toISOString(),
        },
        audit('review.approve'),
      );
      expect(approved).toMatchObject({ state: 'approved', revision: 3, approval });
      expect((await repository.getDocument(document.id))?.approvedVersion).toBe(1);
    });

    it('lets exactly one of two simultaneous reviewers act on the same revision', async () => {
      const { document } = await newDocument('COPD');
      const attempt = (state: 'under_review' | 'retired') =>
        repository.setVersionState(
          {
            documentId: document.id,
            number: 1,
            expectedRevision: 1,
            state,
            approval: null,
            at: new Date().toISOString(),
          },
          audit(`review.${state}`),
        );
      const results = await Promise.allSettled([attempt('under_review'), attempt('retired'), attempt('under_review')]);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      for (const result of results)
        if (result.status === 'rejected') expect((result.reason as { code?: string }).code).toBe('CONFLICT');
      expect((await repository.getVersion(document.id, 1))?.revision).toBe(2);
    });

    it('adds a version in submitted while readers keep the approved one; a stale edit conflicts', async () => {
      const { document } = await newDocument('Sepsis');
      await repository.setVersionState(
        {
          documentId: document.id,
          number: 1,
          expectedRevision: 1,
          state: 'under_review',
          approval: null,
          at: new Date().toISOString(),
        },
        audit('review.start'),
      );
      await repository.setVersionState(
        {
          documentId: document.id,
          number: 1,
          expectedRevision: 2,
          state: 'approved',
          approval: { userId: 'u', name: 'A', credentials: 'MD', at: new Date().toISOString() },
          at: new Date().toISOString(),
        },
        audit('review.approve'),
      );
      const second = await repository.addVersion(
        {
          documentId: document.id,
          expectedCurrent: 1,
          content: sampleArticle('Sepsis v2'),
          citedSources: ['ref:b-2021'],
          createdBy: null,
          at: new Date().toISOString(),
        },
        audit('document.revise'),
      );
      expect(second).toMatchObject({ number: 2, state: 'submitted', revision: 1 });
      expect(await repository.getDocument(document.id)).toMatchObject({ currentVersion: 2, approvedVersion: 1 });
      const details = await conflict(
        repository.addVersion(
          {
            documentId: document.id,
            expectedCurrent: 1,
            content: sampleArticle('Sepsis v2b'),
            citedSources: [],
            createdBy: null,
            at: new Date().toISOString(),
          },
          audit('document.revise'),
        ),
      );
      expect(details).toMatchObject({ currentVersion: 2 });
      expect((await repository.listVersions(document.id)).map((version) => version.number)).toEqual([1, 2]);
    });

    it('lists the review queue oldest first, filtered by state and specialty', async () => {
      const first = await newDocument('Queue one', 'cardiology');
      const second = await newDocument('Queue two', 'cardiology');
      await newDocument('Queue three', 'neurology');
      const queue = await repository.listQueue({ states: ['submitted'], specialty: 'cardiology' });
      const ids = queue.map((item) => item.document.id);
      expect(ids.indexOf(first.document.id)).toBeLessThan(ids.indexOf(second.document.id));
      expect(
        queue.every((item) => item.document.specialty === 'cardiology' && item.version.state === 'submitted'),
      ).toBe(true);
    });

    it('flags every document citing a changed source for re-review', async () => {
      const citing = await newDocument('Cites X', 'hematology', ['ref:x-2019']);
      const other = await newDocument('Cites Y', 'hematology', ['ref:y-2019']);
      expect(await repository.flagDocumentsCiting('ref:x-2019', audit('source.changed'))).toBe(1);
      expect((await repository.getDocument(citing.document.id))?.needsRereview).toBe(true);
      expect((await repository.getDocument(other.document.id))?.needsRereview).toBe(false);
    });

    it('keeps comments on a bullet or a reference', async () => {
      const { document } = await newDocument('Comments');
      const author = await repository.createUser(user('reviewer'), audit('user.create'));
      await repository.addComment(
        {
          id: id('c'),
          documentId: document.id,
          versionNumber: 1,
          target: { kind: 'bullet', section: 0, bullet: 0 },
          text: 'Check the dose.',
          authorId: author.id,
          createdAt: new Date().toISOString(),
        },
        audit('comment.add', author.id),
      );
      await repository.addComment(
        {
          id: id('c'),
          documentId: document.id,
          versionNumber: 1,
          target: { kind: 'reference', n: 1 },
          text: 'Newer edition exists.',
          authorId: author.id,
          createdAt: new Date().toISOString(),
        },
        audit('comment.add', author.id),
      );
      const comments = await repository.listComments(document.id, 1);
      expect(comments.map((comment) => comment.target)).toEqual([
        { kind: 'bullet', section: 0, bullet: 0 },
        { kind: 'reference', n: 1 },
      ]);
    });

    it('keeps an append-only audit log of who did what to which version', async () => {
      const { document } = await newDocument('Audited');
      await repository.setVersionState(
        {
          documentId: document.id,
          number: 1,
          expectedRevision: 1,
          state: 'under_review',
          approval: null,
          at: new Date().toISOString(),
        },
        { at: new Date().toISOString(), actorId: 'u-rev', action: 'review.start', detail: { note: 'taking it' } },
      );
      const entries = await repository.listAudit({ documentId: document.id });
      expect(entries.map((entry) => entry.action)).toEqual(['document.create', 'review.start']);
      expect(entries[1]).toMatchObject({
        actorId: 'u-rev',
        versionNumber: 1,
        detail: { note: 'taking it', from: 'submitted', to: 'under_review' },
      });
      expect(entries[0]!.id).toBeLessThan(entries[1]!.id);
      // A failed change leaves no audit line.
      await conflict(
        repository.setVersionState(
          {
            documentId: document.id,
            number: 1,
            expectedRevision: 1,
            state: 'approved',
            approval: null,
            at: new Date().toISOString(),
          },
          audit('review.approve'),
        ),
      );
      expect(await repository.listAudit({ documentId: document.id })).toHaveLength(2);
    });

    it('rolls back a write that fails in the database, and keeps working after it', async () => {
      const { document } = await newDocument('Rolled back');
      const again = repository.createDocument(
        {
          id: document.id,
          kind: 'answer',
          title: 'Duplicate',
          specialty: null,
          content: sampleArticle('Duplicate'),
          citedSources: [],
          createdBy: null,
          at: new Date().toISOString(),
        },
        audit('document.create'),
      );
      await expect(again).rejects.toThrow();
      expect((await repository.getDocument(document.id))?.title).toBe('Rolled back');
      expect(await repository.listAudit({ documentId: document.id })).toHaveLength(1);
      // The next write starts a transaction of its own: the failed one was ended.
      expect((await newDocument('After the failure')).version.number).toBe(1);
    });

    it('counts simultaneous sign-in attempts one after another, each with its own count', async () => {
      const since = new Date(Date.now() - 60_000).toISOString();
      const at = new Date().toISOString();
      const counts = await Promise.all(
        Array.from({ length: 30 }, (_, index) =>
          repository.recordSignInAttempt({ id: `attempt-${index}`, keys: ['pair:ada|1.2.3.4', 'user:ada'], at, since }),
        ),
      );
      expect(counts.map(([pair]) => pair).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
        Array.from({ length: 30 }, (_, index) => index + 1),
      );
      expect(Math.max(...counts.map(([, account]) => account ?? 0))).toBe(30);
      // A success forgets its own attempt and the address's slate, not other addresses' failures.
      await repository.recordSignInAttempt({ id: 'elsewhere', keys: ['pair:ada|5.6.7.8', 'user:ada'], at, since });
      await repository.forgetSignInAttempts({ id: 'attempt-0', clearKey: 'pair:ada|1.2.3.4' });
      const [pair, account] = await repository.recordSignInAttempt({
        id: 'next',
        keys: ['pair:ada|1.2.3.4', 'user:ada'],
        at,
        since,
      });
      expect(pair).toBe(1);
      expect(account).toBe(31);
      // Attempts older than the window are forgotten.
      const later = new Date(Date.now() + 3_600_000).toISOString();
      expect(
        await repository.recordSignInAttempt({ id: 'much-later', keys: ['user:ada'], at: later, since: later }),
      ).toEqual([1]);
    });
  });
}
