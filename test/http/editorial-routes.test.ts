import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { openApiGaps } from './openapi-gaps.js';
import type { z } from 'zod';
import {
  auditSchema,
  diffSchema,
  documentViewSchema,
  queueSchema,
  usersSchema,
} from '../../src/contract/editorial-contract.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import type { Role } from '../../src/domain/editorial.js';
import { AuthService } from '../../src/editorial/auth-service.js';
import { ReviewService } from '../../src/editorial/review-service.js';
import { ArticleService } from '../../src/article-service.js';
import { buildApp } from '../../src/serve/http/build-app.js';
import { SqliteArticleStore } from '../../src/storage/sqlite/sqlite-article-store.js';
import { SqliteEditorialRepository } from '../../src/storage/sqlite/sqlite-editorial-repository.js';
import { createVesalius, type Vesalius } from '../../src/wiring.js';
import { KNOWLEDGE, scratch, seedIndex } from '../helpers.js';

type Caller = 'anonymous' | Role;
const PASSWORD = 'correct horse battery staple';

describe('editorial HTTP API', () => {
  const space = scratch();
  let app: FastifyInstance;
  let vesalius: Vesalius;
  let store: SqliteArticleStore;
  let repository: SqliteEditorialRepository;
  let articleId = '';
  const sessions: Record<string, { cookie: string; csrf: string }> = {};

  const login = async (username: string, password = PASSWORD, ip = '10.0.0.1') =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });

  const call = (caller: Caller, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown, withCsrf = true) => {
    const session = sessions[caller];
    const headers: Record<string, string> = {};
    if (session) {
      headers['cookie'] = session.cookie;
      if (withCsrf) headers['x-csrf-token'] = session.csrf;
    }
    return app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    });
  };

  beforeAll(async () => {
    vesalius = createVesalius(
      loadConfig({ dbPath: seedIndex(join(space.dir, 'index.sqlite')), knowledgeDir: KNOWLEDGE }, {}),
    );
    store = new SqliteArticleStore(join(space.dir, 'store.sqlite'));
    repository = new SqliteEditorialRepository(join(space.dir, 'editorial.sqlite'));
    const review = new ReviewService(repository);
    for (const role of ['admin', 'reviewer', 'editor', 'reader'] as const)
      await review.addUser(
        { username: role, displayName: `Dr ${role}`, credentials: 'MD', role, password: PASSWORD },
        null,
      );
    const articles = new ArticleService(vesalius, store);
    articleId = (await articles.ask('How is gout treated?', 'physician')).id;
    app = await buildApp({
      vesalius,
      articles,
      webRoot: null,
      logger: false,
      version: 'test',
      editorial: { review, auth: new AuthService(repository, undefined, 10), repository, secureCookies: false },
    });
    for (const role of ['admin', 'reviewer', 'editor', 'reader'] as const) {
      const response = await login(role);
      expect(response.statusCode).toBe(200);
      sessions[role] = { cookie: `vesalius_session=${response.cookies[0]?.value}`, csrf: response.json().csrfToken };
    }
  });
  afterAll(async () => {
    await app.close();
    await repository.close();
    await store.close();
    vesalius.close();
    space.cleanup();
  });

  it('signs in with an HTTP-only SameSite cookie and gives one generic error for any failure', async () => {
    const response = await login('reviewer');
    expect(response.cookies[0]).toMatchObject({
      name: 'vesalius_session',
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
    });
    expect(response.json().user).toMatchObject({ username: 'reviewer', role: 'reviewer' });
    expect(response.json().user).not.toHaveProperty('passwordHash');
    const wrong = await login('reviewer', 'wrong password here', '10.0.0.9');
    const unknown = await login('nobody-here', 'wrong password here', '10.0.0.9');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
  });

  it('rate-limits repeated failed sign-ins', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1)
      expect((await login('editor', 'nope nope nope', '10.0.0.7')).statusCode).toBe(401);
    const limited = await login('editor', PASSWORD, '10.0.0.7');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    // Someone else, elsewhere, still signs in to that account: strangers cannot lock it.
    expect((await login('editor', PASSWORD, '10.0.0.8')).statusCode).toBe(200);
  });

  it('counts a burst of guesses sent at once in full: the right password after them is refused', async () => {
    const burst = await Promise.all([
      ...Array.from({ length: 40 }, () => login('reviewer', 'wrong wrong wrong', '10.0.0.9')),
      login('reviewer', PASSWORD, '10.0.0.9'),
    ]);
    const statuses = burst.map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.at(-1)).toBe(429);
  });

  it('refuses easily guessed passwords', async () => {
    for (const password of [
      '            ',
      'password1234',
      'aaaaaaaaaaaa',
      '123456789012',
      'Password123!',
      'newreader-2026x',
    ]) {
      const response = await call('admin', 'POST', '/api/users', {
        username: 'newreader',
        displayName: 'New',
        role: 'reader',
        password,
      });
      expect(response.statusCode, password).toBe(400);
      expect(response.json().error.field, password).toBe('password');
    }
  });

  it('refuses a cookie-authenticated change without the CSRF token', async () => {
    const response = await call('reviewer', 'POST', '/api/review/documents', { articleId }, false);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toMatch(/X-CSRF-Token/);
  });

  it('checks the role on every editorial route, for every role', async () => {
    const submitted = await call('editor', 'POST', '/api/review/documents', { articleId, specialty: 'rheumatology' });
    expect(submitted.statusCode).toBe(201);
    const documentId = submitted.json().document.id as string;
    const routes: Array<{ method: 'GET' | 'POST'; url: string; body?: unknown; allowed: Role[] }> = [
      { method: 'GET', url: '/api/review/queue', allowed: ['admin', 'editor', 'reviewer'] },
      { method: 'POST', url: '/api/review/documents', body: { articleId }, allowed: ['admin', 'editor', 'reviewer'] },
      { method: 'GET', url: `/api/review/documents/${documentId}`, allowed: ['admin', 'editor', 'reviewer'] },
      {
        method: 'GET',
        url: `/api/review/documents/${documentId}/diff?from=1&to=1`,
        allowed: ['admin', 'editor', 'reviewer'],
      },
      {
        method: 'POST',
        url: `/api/review/documents/${documentId}/versions/1/actions`,
        body: { action: 'start_review', expectedRevision: 99 },
        allowed: ['admin', 'reviewer'],
      },
      {
        method: 'POST',
        url: `/api/review/documents/${documentId}/versions/1/comments`,
        body: { target: { kind: 'bullet', section: 0, bullet: 0 }, text: 'Check this.' },
        allowed: ['admin', 'reviewer'],
      },
      {
        method: 'POST',
        url: `/api/review/documents/${documentId}/revisions`,
        body: {
          expectedCurrent: 99,
          article: { question: 'q', title: 't', bottomLine: { text: '', citations: [] }, sections: [], references: [] },
        },
        allowed: ['admin', 'editor'],
      },
      { method: 'POST', url: '/api/review/sources/ref%3Anothing/changed', allowed: ['admin', 'editor'] },
      { method: 'GET', url: `/api/review/audit?documentId=${documentId}`, allowed: ['admin', 'editor', 'reviewer'] },
      { method: 'GET', url: '/api/users', allowed: ['admin'] },
      {
        method: 'POST',
        url: '/api/users',
        body: { username: 'new-one', displayName: 'New', role: 'reader', password: PASSWORD },
        allowed: ['admin'],
      },
      { method: 'POST', url: '/api/users/reader/role', body: { role: 'reader' }, allowed: ['admin'] },
      { method: 'POST', url: '/api/auth/tokens', body: { name: 'script' }, allowed: ['admin', 'editor', 'reviewer'] },
    ];
    for (const route of routes) {
      for (const caller of ['anonymous', 'reader', 'editor', 'reviewer', 'admin'] as const) {
        const response = await call(caller, route.method, route.url, route.body);
        const label = `${caller} ${route.method} ${route.url}`;
        if (caller === 'anonymous') expect(response.statusCode, label).toBe(401);
        else if (!route.allowed.includes(caller)) expect(response.statusCode, label).toBe(403);
        else expect([200, 201, 409], `${label}: ${response.body}`).toContain(response.statusCode);
      }
    }
    // What the reviewer page and scripts read comes in the shape the contract declares.
    const shapes: Array<[string, z.ZodType]> = [
      ['/api/review/queue', queueSchema],
      [`/api/review/documents/${documentId}`, documentViewSchema],
      [`/api/review/documents/${documentId}/diff?from=1&to=1`, diffSchema],
      [`/api/review/audit?documentId=${documentId}`, auditSchema],
      ['/api/users', usersSchema],
    ];
    for (const [url, schema] of shapes) {
      const parsed = schema.safeParse((await call('admin', 'GET', url)).json());
      expect(parsed.success ? [] : parsed.error.issues, url).toEqual([]);
    }
  });

  it('approves through the API; of two simultaneous approvals one wins and the other gets 409 with the current state', async () => {
    const fresh = (await new ArticleService(vesalius, store).ask('How is hyperkalemia treated?', 'physician')).id;
    const documentId = (await call('editor', 'POST', '/api/review/documents', { articleId: fresh })).json().document
      .id as string;
    const action = (body: unknown) =>
      call('reviewer', 'POST', `/api/review/documents/${documentId}/versions/1/actions`, body);
    expect((await action({ action: 'approve', expectedRevision: 1 })).statusCode).toBe(409);
    const started = await action({ action: 'start_review', expectedRevision: 1 });
    expect(started.json()).toMatchObject({ state: 'under_review', revision: 2 });
    const [first, second] = await Promise.all([
      action({ action: 'approve', expectedRevision: 2 }),
      action({ action: 'request_changes', expectedRevision: 2 }),
    ]);
    const statuses = [first.statusCode, second.statusCode].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = first.statusCode === 409 ? first : second;
    expect(loser.json().error).toMatchObject({ code: 'CONFLICT', current: { revision: 3 } });
    const detail = (await call('reviewer', 'GET', `/api/review/documents/${documentId}`)).json();
    expect(detail.audit.map((entry: { action: string }) => entry.action)).toContain('review.start_review');
  });

  it('shows readers "Reviewed by" on the public article once approved, and keeps the approved text while an edit waits', async () => {
    const articles = new ArticleService(vesalius, store);
    const answer = await articles.ask('How is alcohol withdrawal syndrome treated?', 'physician');
    expect((await app.inject(`/api/articles/${answer.id}`)).json()).toMatchObject({ reviewStatus: 'submitted' });
    expect((await call('editor', 'POST', '/api/review/documents', { articleId: answer.id })).statusCode).toBe(201);
    expect((await call('editor', 'POST', '/api/review/documents', { articleId: answer.id })).statusCode).toBe(409);
    const act = (body: unknown) =>
      call('reviewer', 'POST', `/api/review/documents/${answer.id}/versions/1/actions`, body);
    await act({ action: 'start_review', expectedRevision: 1 });
    expect((await app.inject(`/api/articles/${answer.id}`)).json().reviewStatus).toBe('under_review');
    await act({ action: 'approve', expectedRevision: 2 });
    const approved = (await app.inject(`/api/articles/${answer.id}`)).json();
    expect(approved).toMatchObject({
      reviewStatus: 'approved',
      reviewedBy: { name: 'Dr reviewer', credentials: 'MD' },
      needsRereview: false,
    });
    // An approval is an update: "last updated" is the approval day.
    expect(approved.lastUpdated).toBe(approved.reviewedBy.date);
    const edited = { ...approved, bottomLine: { text: 'An edited bottom line.', citations: [1] } };
    expect(
      (
        await call('editor', 'POST', `/api/review/documents/${answer.id}/revisions`, {
          expectedCurrent: 1,
          article: edited,
        })
      ).statusCode,
    ).toBe(201);
    const stillApproved = (await app.inject(`/api/articles/${answer.id}`)).json();
    expect(stillApproved.reviewStatus).toBe('approved');
    expect(stillApproved.bottomLine.text).toBe(approved.bottomLine.text);
    const sourceId = encodeURIComponent(approved.references[0].sourceId);
    expect((await call('editor', 'POST', `/api/review/sources/${sourceId}/changed`)).json().flagged).toBe(1);
    expect((await app.inject(`/api/articles/${answer.id}`)).json().needsRereview).toBe(true);
  });

  it('labels approved only what was approved, in every audience, after an edit removed a bullet', async () => {
    const answer = await new ArticleService(vesalius, store).ask('How is gout treated?', 'physician');
    expect((await call('editor', 'POST', '/api/review/documents', { articleId: answer.id })).statusCode).toBe(201);
    const original = (await call('reviewer', 'GET', `/api/review/documents/${answer.id}`)).json().versions[0].content;
    const removed = original.sections[0].bullets[0].text as string;
    const revisedContent = {
      ...original,
      sections: original.sections.map((section: { bullets: Array<{ text: string }> }, index: number) =>
        index === 0 ? { ...section, bullets: section.bullets.slice(1) } : section,
      ),
    };
    const revised = await call('editor', 'POST', `/api/review/documents/${answer.id}/revisions`, {
      expectedCurrent: 1,
      article: revisedContent,
    });
    expect(revised.statusCode, revised.body).toBe(201);
    const act = (body: unknown) =>
      call('reviewer', 'POST', `/api/review/documents/${answer.id}/versions/2/actions`, body);
    await act({ action: 'start_review', expectedRevision: 1 });
    expect((await act({ action: 'approve', expectedRevision: 2 })).statusCode).toBe(200);
    const approvedTexts = new Set(
      revisedContent.sections.flatMap((section: { bullets: Array<{ text: string }> }) =>
        section.bullets.map((bullet) => bullet.text),
      ),
    );
    for (const audience of ['physician', 'nurse', 'pharmacist', 'student', 'patient']) {
      const shown = (await app.inject(`/api/articles/${answer.id}?audience=${audience}`)).json();
      expect(shown.reviewStatus, audience).toBe('approved');
      expect(shown.bottomLine.text, audience).toBe(original.bottomLine.text);
      const texts = shown.sections.flatMap((section: { bullets: Array<{ text: string }> }) =>
        section.bullets.map((bullet) => bullet.text),
      );
      expect(texts.length, audience).toBeGreaterThan(0);
      expect(texts, audience).not.toContain(removed);
      for (const text of texts) expect(approvedTexts.has(text), `${audience}: ${text}`).toBe(true);
      const exported = (await app.inject(`/api/articles/${answer.id}/export?format=text&audience=${audience}`)).body;
      expect(exported, audience).not.toContain(removed);
    }
  });

  it('does not let anyone approve a version they submitted or revised', async () => {
    const answer = await new ArticleService(vesalius, store).ask('How is acne treated?', 'physician');
    expect((await call('reviewer', 'POST', '/api/review/documents', { articleId: answer.id })).statusCode).toBe(201);
    const act = (caller: Caller, body: unknown) =>
      call(caller, 'POST', `/api/review/documents/${answer.id}/versions/1/actions`, body);
    expect((await act('reviewer', { action: 'start_review', expectedRevision: 1 })).statusCode).toBe(200);
    const own = await act('reviewer', { action: 'approve', expectedRevision: 2 });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.message).toMatch(/another reviewer must approve it/);
    expect((await act('admin', { action: 'approve', expectedRevision: 2 })).statusCode).toBe(200);
  });

  it("gives the reviewer page every version's comments with their authors, and what the reader may do", async () => {
    const answer = await new ArticleService(vesalius, store).ask('How is impetigo treated?', 'physician');
    expect((await call('reviewer', 'POST', '/api/review/documents', { articleId: answer.id })).statusCode).toBe(201);
    const comment = await call('admin', 'POST', `/api/review/documents/${answer.id}/versions/1/comments`, {
      target: { kind: 'bottomLine' },
      text: 'Name the mupirocin course length.',
    });
    expect(comment.statusCode, comment.body).toBe(201);
    const asReviewer = (await call('reviewer', 'GET', `/api/review/documents/${answer.id}`)).json();
    expect(asReviewer.comments).toEqual([
      expect.objectContaining({ target: { kind: 'bottomLine' }, author: 'Dr admin, MD', versionNumber: 1 }),
    ]);
    expect(asReviewer.audit[0]).toMatchObject({ action: 'document.submit', actor: 'Dr reviewer, MD' });
    // The reviewer submitted it, so the page offers them no approval; the admin gets it.
    expect(asReviewer.permissions).toEqual({ review: true, revise: false, approveCurrent: false });
    expect((await call('admin', 'GET', `/api/review/documents/${answer.id}`)).json().permissions).toEqual({
      review: true,
      revise: true,
      approveCurrent: true,
    });
    expect((await call('editor', 'GET', `/api/review/documents/${answer.id}`)).json().permissions.review).toBe(false);
  });

  it('pages the queue and filters by specialty whatever the case', async () => {
    const articles = new ArticleService(vesalius, store);
    for (const question of ['How is scabies treated?', 'How is head lice treated?', 'How is rosacea treated?']) {
      const answer = await articles.ask(question, 'physician');
      const submitted = await call('editor', 'POST', '/api/review/documents', {
        articleId: answer.id,
        specialty: 'dermatology',
      });
      expect(submitted.statusCode, submitted.body).toBe(201);
    }
    const first = (await call('reviewer', 'GET', '/api/review/queue?specialty=DERMATOLOGY&limit=2')).json();
    expect(first).toMatchObject({ page: 1, hasMore: true });
    expect(first.queue).toHaveLength(2);
    const second = (await call('reviewer', 'GET', '/api/review/queue?specialty=Dermatology&limit=2&page=2')).json();
    expect(second).toMatchObject({ page: 2, hasMore: false });
    expect(second.queue).toHaveLength(1);
    const ids = [...first.queue, ...second.queue].map((item: { document: { id: string } }) => item.document.id);
    expect(new Set(ids).size).toBe(3);
  });

  it('refuses a malformed revision with 400 and stores nothing', async () => {
    const answer = await new ArticleService(vesalius, store).ask('How is cellulitis treated?', 'physician');
    expect((await call('editor', 'POST', '/api/review/documents', { articleId: answer.id })).statusCode).toBe(201);
    const content = (await call('admin', 'GET', `/api/review/documents/${answer.id}`)).json().versions[0].content;
    for (const broken of [
      { ...content, references: 'x' },
      { ...content, references: [null] },
      { ...content, sections: 'x' },
      { ...content, sections: [{ heading: 'Dosing', bullets: [{ text: 5 }] }] },
      { ...content, bottomLine: null },
    ]) {
      const response = await call('editor', 'POST', `/api/review/documents/${answer.id}/revisions`, {
        expectedCurrent: 1,
        article: broken,
      });
      expect(response.statusCode, JSON.stringify(broken).slice(0, 80)).toBe(400);
    }
    const after = (await call('admin', 'GET', `/api/review/documents/${answer.id}`)).json();
    expect(after.versions).toHaveLength(1);
  });

  it('keeps at least one admin', async () => {
    const demote = await call('admin', 'POST', '/api/users/admin/role', { role: 'reader' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.message).toMatch(/last admin/);
  });

  it('treats answers built only from approved knowledge-base topics as approved', async () => {
    const answer = await new ArticleService(vesalius, store).ask('What is the treatment of migraine?', 'physician');
    expect(answer.topics).toContain('migraine');
    expect((await app.inject(`/api/articles/${answer.id}`)).json().reviewStatus).toBe('submitted');
    const service = new ReviewService(repository);
    const editor = (await repository.listUsers()).find((user) => user.role === 'editor')!;
    const reviewer = (await repository.listUsers()).find((user) => user.role === 'reviewer')!;
    const topicArticles = vesalius.topicArticles();
    const approveTopic = async (id: string) => {
      const topic = topicArticles.find((article) => article.topics[0] === id)!;
      await service.submit(topic, { id: `topic:${id}`, kind: 'topic', specialty: 'neurology' }, editor);
      const started = await service.act(`topic:${id}`, 1, 1, 'start_review', reviewer);
      await service.act(`topic:${id}`, 1, started.revision, 'approve', reviewer);
    };
    // Every other topic the answer drew on is approved first: the answer stays submitted until migraine is too.
    for (const id of answer.topics.filter((topic) => topic !== 'migraine')) await approveTopic(id);
    expect((await app.inject(`/api/articles/${answer.id}`)).json().reviewStatus).toBe('submitted');
    const topic = topicArticles.find((article) => article.topics[0] === 'migraine');
    expect(topic?.sections.length).toBeGreaterThan(3);
    expect(topic?.references.length).toBeGreaterThan(2);
    await service.submit(topic!, { id: 'topic:migraine', kind: 'topic', specialty: 'neurology' }, editor);
    expect((await app.inject(`/api/articles/${answer.id}`)).json().reviewStatus).toBe('submitted');
    const started = await service.act('topic:migraine', 1, 1, 'start_review', reviewer);
    expect((await app.inject(`/api/articles/${answer.id}`)).json().reviewStatus).toBe('under_review');
    await service.act('topic:migraine', 1, started.revision, 'approve', reviewer);
    expect((await app.inject(`/api/articles/${answer.id}`)).json()).toMatchObject({
      reviewStatus: 'approved',
      reviewedBy: { name: 'Dr reviewer' },
    });
  });

  it('lets scripts use a bearer API token, with no CSRF token needed', async () => {
    const created = await call('reviewer', 'POST', '/api/auth/tokens', { name: 'nightly' });
    const token = created.json().token as string;
    expect(token).toMatch(/^vsl_/);
    const queue = await app.inject({
      method: 'GET',
      url: '/api/review/queue',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(queue.statusCode).toBe(200);
    expect(
      (await app.inject({ method: 'GET', url: '/api/review/queue', headers: { authorization: 'Bearer vsl_forged' } }))
        .statusCode,
    ).toBe(401);
    // Tokens expire, and their owner can revoke them; someone else cannot.
    expect(Date.parse(created.json().expiresAt)).toBeGreaterThan(Date.now() + 80 * 86_400_000);
    const id = created.json().id as string;
    expect((await call('editor', 'DELETE', `/api/auth/tokens/${id}`)).statusCode).toBe(404);
    expect((await call('reviewer', 'DELETE', `/api/auth/tokens/${id}`)).statusCode).toBe(204);
    const revoked = await app.inject({
      method: 'GET',
      url: '/api/review/queue',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(revoked.statusCode).toBe(401);
  });

  it('signs out', async () => {
    const response = await login('admin');
    const cookie = `vesalius_session=${response.cookies[0]?.value}`;
    const csrf = response.json().csrfToken as string;
    expect(
      (await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-csrf-token': csrf } }))
        .statusCode,
    ).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('describes every editorial route in the generated OpenAPI document', async () => {
    const document = (await app.inject('/api/openapi.json')).json();
    expect(openApiGaps(app, document)).toEqual([]);
    const editorialPaths = Object.keys(document.paths).filter((path) => /^\/api\/(auth|users|review)/.test(path));
    expect(editorialPaths.length).toBeGreaterThanOrEqual(12);
  });
});
