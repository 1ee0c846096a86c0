import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../src/domain/editorial.js';
import { verifyPassword } from '../src/editorial/hash-password.js';
import { MAX_COMMENTS_PER_VERSION, ReviewService, can } from '../src/editorial/review-service.js';
import { SqliteEditorialRepository } from '../src/storage/sqlite/sqlite-editorial-repository.js';
import { scratch } from './helpers.js';
import { sampleArticle } from './storage/editorial-repository.contract.js';

describe('ReviewService', () => {
  const space = scratch();
  let repository: SqliteEditorialRepository;
  let service: ReviewService;
  const users: Record<string, User> = {};
  beforeAll(async () => {
    repository = new SqliteEditorialRepository(join(space.dir, 'editorial.sqlite'));
    service = new ReviewService(repository, () => new Date('2026-11-24T12:00:00Z'));
    users['admin'] = await service.addUser(
      { username: 'root', displayName: 'Admin', credentials: '', role: 'admin', password: 'correct horse battery' },
      null,
    );
    for (const role of ['reviewer', 'editor', 'reader'] as const) {
      users[role] = await service.addUser(
        { username: role, displayName: `Dr ${role}`, credentials: 'MD, FCCP', role, password: 'correct horse battery' },
        users['admin']!,
      );
    }
  });
  afterAll(async () => {
    await repository.close();
    space.cleanup();
  });

  it('hashes passwords with scrypt and never stores them in clear', async () => {
    const stored = await repository.findUserByUsername('reviewer');
    expect(stored?.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('correct horse battery', stored!.passwordHash)).toBe(true);
    expect(await verifyPassword('wrong horse battery!', stored!.passwordHash)).toBe(false);
    await expect(
      service.addUser(
        { username: 'short', displayName: 'S', credentials: '', role: 'reader', password: 'short' },
        users['admin']!,
      ),
    ).rejects.toThrow(/at least 12/);
  });

  it('checks the role for every operation', async () => {
    const matrix = {
      admin: [
        'users.manage',
        'documents.submit',
        'documents.revise',
        'documents.review',
        'documents.retire',
        'documents.read',
        'sources.flag',
      ],
      reviewer: ['documents.submit', 'documents.review', 'documents.read'],
      editor: ['documents.submit', 'documents.revise', 'documents.read', 'sources.flag'],
      reader: [],
    } as const;
    const all = [
      'users.manage',
      'documents.submit',
      'documents.revise',
      'documents.review',
      'documents.retire',
      'documents.read',
      'sources.flag',
    ] as const;
    for (const [role, allowed] of Object.entries(matrix))
      for (const permission of all)
        expect(can(users[role]!, permission), `${role} ${permission}`).toBe(
          (allowed as readonly string[]).includes(permission),
        );
    expect(can(null, 'documents.read')).toBe(false);
    await expect(service.submit(sampleArticle('X'), {}, users['reader']!)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      service.addUser(
        { username: 'sneaky', displayName: 'S', credentials: '', role: 'admin', password: 'correct horse battery' },
        users['editor']!,
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('walks submitted → under review → changes requested → revised → approved, refusing illegal steps with 409', async () => {
    const { document } = await service.submit(sampleArticle('NSIP'), { specialty: 'pulmonology' }, users['editor']!);
    await expect(service.act(document.id, 1, 1, 'approve', users['reviewer']!)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { state: 'submitted' },
    });
    const reviewing = await service.act(document.id, 1, 1, 'start_review', users['reviewer']!);
    await expect(service.act(document.id, 1, 1, 'request_changes', users['reviewer']!)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { revision: 2 },
    });
    await service.act(
      document.id,
      1,
      reviewing.revision,
      'request_changes',
      users['reviewer']!,
      'Dose in bullet 1 needs a source.',
    );
    await service.comment(
      document.id,
      1,
      { kind: 'bullet', section: 0, bullet: 0 },
      'Which guideline gives this dose?',
      users['reviewer']!,
    );
    const second = await service.revise(document.id, 1, sampleArticle('NSIP, revised'), users['editor']!);
    expect(second).toMatchObject({ number: 2, state: 'submitted' });
    const started = await service.act(document.id, 2, 1, 'start_review', users['reviewer']!);
    const approved = await service.act(document.id, 2, started.revision, 'approve', users['reviewer']!);
    expect(approved.approval).toEqual({
      userId: users['reviewer']!.id,
      name: 'Dr reviewer',
      credentials: 'MD, FCCP',
      at: '2026-11-24T12:00:00.000Z',
    });
    const published = await service.published(document.id);
    expect(published?.version.number).toBe(2);
    const diff = await service.diff(document.id, 1, 2, users['reviewer']!);
    expect(
      diff
        .filter((line) => line.change !== 'unchanged')
        .map((line) => line.change)
        .sort(),
    ).toEqual(['changed']);
    const audit = await repository.listAudit({ documentId: document.id });
    expect(audit.map((entry) => entry.action)).toEqual([
      'document.submit',
      'review.start_review',
      'review.request_changes',
      'comment.add',
      'document.revise',
      'review.start_review',
      'review.approve',
    ]);
  });

  it('keeps readers on the approved version while an edit waits for review, and flags re-review when a source changes', async () => {
    const { document } = await service.submit(sampleArticle('Gout', ['ref:gout-2020']), {}, users['editor']!);
    const started = await service.act(document.id, 1, 1, 'start_review', users['reviewer']!);
    await service.act(document.id, 1, started.revision, 'approve', users['reviewer']!);
    await service.revise(document.id, 1, sampleArticle('Gout, edited', ['ref:gout-2020']), users['editor']!);
    expect((await service.published(document.id))?.version).toMatchObject({ number: 1, state: 'approved' });
    expect(await service.flagSource('ref:gout-2020', users['editor']!)).toBe(1);
    expect((await repository.getDocument(document.id))?.needsRereview).toBe(true);
  });

  it('keeps a version to a bounded number of comments', async () => {
    const { document } = await service.submitAnswer('a-comments', sampleArticle('Gout'), null, users['editor']!);
    for (let n = 0; n < MAX_COMMENTS_PER_VERSION; n += 1)
      await service.comment(document.id, 1, { kind: 'article' }, `Comment ${n}`, users['reviewer']!);
    await expect(
      service.comment(document.id, 1, { kind: 'article' }, 'One more', users['reviewer']!),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('revise the document') });
  });
});
