import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { openApiGaps } from './openapi-gaps.js';
import type { z } from 'zod';
import {
  articleListSchema,
  errorSchema,
  healthSchema,
  passageResponseSchema,
  readinessSchema,
  sourceResponseSchema,
  suggestionsSchema,
  threadSchema,
} from '../../src/contract/api-contract.js';
import { publishedArticleSchema } from '../../src/contract/article-contract.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { ArticleService } from '../../src/article-service.js';
import { buildApp } from '../../src/serve/http/build-app.js';
import { SqliteArticleStore } from '../../src/storage/sqlite/sqlite-article-store.js';
import { createVesalius, type Vesalius } from '../../src/wiring.js';
import { articleSchema, citationProblems } from '../article-schema.js';
import { KNOWLEDGE, scratch, seedIndex } from '../helpers.js';

describe('HTTP API (in process)', () => {
  const space = scratch();
  let app: FastifyInstance;
  let vesalius: Vesalius;
  let store: SqliteArticleStore;
  let ids = 0;
  beforeAll(async () => {
    vesalius = createVesalius(
      loadConfig({ dbPath: seedIndex(join(space.dir, 'index.sqlite')), knowledgeDir: KNOWLEDGE }, {}),
    );
    store = new SqliteArticleStore(join(space.dir, 'store.sqlite'));
    let clock = Date.parse('2026-11-24T10:00:00Z');
    const articles = new ArticleService(
      vesalius,
      store,
      () => {
        clock += 1000;
        return new Date(clock);
      },
      () => {
        ids += 1;
        return `a${ids}`;
      },
    );
    app = await buildApp({ vesalius, articles, webRoot: null, logger: false, version: 'test', editorial: null });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    vesalius.close();
    space.cleanup();
  });

  const ask = async (question: string, audience?: string) =>
    app.inject({ method: 'POST', url: '/api/ask', payload: audience ? { question, audience } : { question } });

  it('answers every public route in the shape its contract declares (nothing undeclared)', async () => {
    const asked = (await ask('How is gout treated?')).json();
    const [firstCitation] = asked.sections.flatMap((section: { bullets: Array<{ evidence: string[] }> }) =>
      section.bullets.flatMap((bullet) => bullet.evidence),
    );
    const followUp = (
      await app.inject({
        method: 'POST',
        url: `/api/articles/${asked.id}/followups`,
        payload: { question: 'and the dose?' },
      })
    ).json();
    const passage = (await app.inject(`/api/passages/${encodeURIComponent(firstCitation)}`)).json();
    const checks: Array<[string, z.ZodType, unknown]> = [
      ['ask', publishedArticleSchema.strict(), asked],
      ['follow-up', publishedArticleSchema.strict(), followUp],
      ['article', publishedArticleSchema.strict(), (await app.inject(`/api/articles/${asked.id}`)).json()],
      ['thread', threadSchema, (await app.inject(`/api/threads/${asked.threadId}`)).json()],
      ['passage', passageResponseSchema.strict(), passage],
      [
        'source',
        sourceResponseSchema,
        (await app.inject(`/api/sources/${encodeURIComponent(passage.source.id)}`)).json(),
      ],
      ['suggest', suggestionsSchema, (await app.inject('/api/suggest?q=gou')).json()],
      ['recent', articleListSchema, (await app.inject('/api/articles')).json()],
      ['health', healthSchema, (await app.inject('/api/health')).json()],
      ['ready', readinessSchema, (await app.inject('/api/ready')).json()],
      ['error', errorSchema.strict(), (await app.inject('/api/articles/nope')).json()],
    ];
    for (const [name, schema, body] of checks) {
      const parsed = schema.safeParse(body);
      expect(parsed.success ? [] : parsed.error.issues, name).toEqual([]);
    }
  });

  it('health and readiness', async () => {
    expect((await app.inject('/api/health')).json()).toEqual({ status: 'ok' });
    const ready = await app.inject('/api/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ ready: true });
    expect(ready.json().topics).toBeGreaterThan(100);
  });

  it('POST /api/ask returns the CLI article shape with a stable id and permalink', async () => {
    const response = await ask('What is the treatment approach for ILD with an NSIP pattern and elevated IgE?');
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(articleSchema.safeParse(body).success).toBe(true);
    expect(citationProblems(body)).toEqual([]);
    expect(body).toMatchObject({
      id: expect.any(String),
      permalink: `/a/${body.id}`,
      threadId: body.id,
      parentId: null,
      status: 'answered',
    });
    expect(response.headers['location']).toBe(`/api/articles/${body.id}`);
    const again = await app.inject(`/api/articles/${body.id}`);
    expect(again.json()).toEqual(body);
  });

  it('rejects bad input with 400 naming the field', async () => {
    for (const [payload, field] of [
      [{}, 'question'],
      [{ question: 5 }, 'question'],
      [{ question: '' }, 'question'],
      [{ question: '   \n\t ' }, 'question'],
      [{ question: 'gout', audience: 'robot' }, 'audience'],
      [{ question: 'gout', extra: 1 }, 'extra'],
    ] as const) {
      const response = await app.inject({ method: 'POST', url: '/api/ask', payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'INVALID_INPUT', field });
    }
    const notJson = await app.inject({
      method: 'POST',
      url: '/api/ask',
      payload: '{oops',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.statusCode).toBe(400);
    const plainText = await app.inject({
      method: 'POST',
      url: '/api/ask',
      payload: 'How is gout treated?',
      headers: { 'content-type': 'text/plain' },
    });
    expect(plainText.statusCode).toBe(415);
    const huge = await ask('x'.repeat(25_000));
    expect(huge.statusCode).toBe(400);
    expect((await app.inject('/api/articles?limit=0')).json().error.field).toBe('querystring.limit');
  });

  it('re-renders an article for each audience, keeping its id', async () => {
    const created = (await ask('How is gout treated?')).json();
    const patient = (await app.inject(`/api/articles/${created.id}?audience=patient`)).json();
    expect(patient.id).toBe(created.id);
    expect(patient.audience).toBe('patient');
    expect(patient.bottomLine.text).not.toBe(created.bottomLine.text);
    const pharmacist = (await app.inject(`/api/articles/${created.id}?audience=pharmacist`)).json();
    expect(pharmacist.sections[0].heading).toBe('Dosing');
    // Views differ in content where the sources allow, not only in order.
    const texts = (article: { sections: Array<{ bullets: Array<{ text: string }> }> }) =>
      new Set(article.sections.flatMap((section) => section.bullets.map((bullet) => bullet.text)));
    const nurse = (await app.inject(`/api/articles/${created.id}?audience=nurse`)).json();
    const physicianTexts = texts(created);
    expect([...texts(nurse)].some((text) => !physicianTexts.has(text))).toBe(true);
    expect((await app.inject(`/api/articles/${created.id}?audience=alien`)).statusCode).toBe(400);
  });

  it('streams the article as server-sent events in reading order', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/ask/stream',
      payload: { question: 'How is alcohol withdrawal syndrome treated?' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/event-stream/);
    const events = [...response.body.matchAll(/^event: (\w+)$/gm)].map((match) => match[1]);
    expect(events[0]).toBe('meta');
    expect(events[1]).toBe('bottomLine');
    expect(events.filter((event) => event === 'section').length).toBeGreaterThan(3);
    expect(events.slice(-2)).toEqual(['references', 'done']);
    expect((await app.inject({ method: 'POST', url: '/api/ask/stream', payload: {} })).statusCode).toBe(400);
    // The question never travels in a URL.
    expect((await app.inject(`/api/ask/stream?question=gout`)).statusCode).toBe(404);
  });

  it('answers follow-ups in the thread context and stores them in the thread', async () => {
    const first = (await ask('How is gout treated?')).json();
    const dose = await app.inject({
      method: 'POST',
      url: `/api/articles/${first.id}/followups`,
      payload: { question: 'And the dose?' },
    });
    expect(dose.statusCode).toBe(201);
    const doseArticle = dose.json();
    expect(doseArticle).toMatchObject({
      threadId: first.id,
      parentId: first.id,
      status: 'answered',
      questionType: 'dosing',
      topics: expect.arrayContaining(['gout']),
    });
    expect(doseArticle.sections[0].heading).toBe('Dosing');
    // In pregnancy: the thread's condition and its drugs in pregnancy, and nothing else (no drift).
    const pregnancy = (
      await app.inject({
        method: 'POST',
        url: `/api/articles/${first.id}/followups`,
        payload: { question: 'What about in pregnancy?' },
      })
    ).json();
    expect(['answered', 'insufficient_evidence']).toContain(pregnancy.status);
    for (const section of pregnancy.sections)
      for (const bullet of section.bullets)
        expect(bullet.text).toMatch(/pregnan|gestation|conception|trimester|fetal|fetus|birth/i);
    const thyroid = (await ask('How is hypothyroidism treated?')).json();
    const thyroidPregnancy = (
      await app.inject({
        method: 'POST',
        url: `/api/articles/${thyroid.id}/followups`,
        payload: { question: 'What about in pregnancy?' },
      })
    ).json();
    expect(thyroidPregnancy).toMatchObject({ status: 'answered', topics: expect.arrayContaining(['hypothyroidism']) });
    const bullets = thyroidPregnancy.sections.flatMap((section: { bullets: Array<{ text: string }> }) =>
      section.bullets.map((bullet) => bullet.text),
    );
    expect(bullets.length).toBeGreaterThan(1);
    for (const text of bullets) expect(text).toMatch(/pregnan|gestation|conception|trimester|postpartum|fetal/i);
    const thread = (await app.inject(`/api/threads/${first.id}`)).json();
    expect(thread.articles.map((article: { id: string }) => article.id)).toEqual([
      first.id,
      doseArticle.id,
      pregnancy.id,
    ]);
    expect(
      (await app.inject({ method: 'POST', url: '/api/articles/nope/followups', payload: { question: 'and?' } }))
        .statusCode,
    ).toBe(404);
  });

  it("lists no one's questions to the public unless the operator turns it on; then newest first", async () => {
    expect((await app.inject('/api/articles?limit=2')).json()).toEqual({ articles: [] });
    const open = await buildApp({
      vesalius: { ...vesalius, config: { ...vesalius.config, publicRecent: true } },
      articles: new ArticleService(vesalius, store),
      webRoot: null,
      logger: false,
      version: 'test',
      editorial: null,
    });
    const body = (await open.inject('/api/articles?limit=2')).json();
    await open.close();
    expect(body.articles).toHaveLength(2);
    expect(body.articles[0]).toMatchObject({
      id: expect.any(String),
      permalink: expect.stringMatching(/^\/a\//),
      question: expect.any(String),
      status: expect.any(String),
    });
    expect(body.articles[0].createdAt > body.articles[1].createdAt).toBe(true);
  });

  it('serves the passage and source behind a citation', async () => {
    const article = (await ask('How is gout treated?')).json();
    const passageId = article.sections[0].bullets[0].evidence[0];
    const body = (await app.inject(`/api/passages/${encodeURIComponent(passageId)}`)).json();
    expect(body.passage.text).toBe(article.sections[0].bullets[0].text);
    expect(body.cites.length).toBeGreaterThan(0);
    const source = (await app.inject(`/api/sources/${encodeURIComponent(article.references[0].sourceId)}`)).json();
    expect(source.source.title).toBe(article.references[0].title);
    expect((await app.inject('/api/passages/none')).statusCode).toBe(404);
    expect((await app.inject('/api/sources/none')).json().error.code).toBe('NOT_FOUND');
  });

  it('exports Markdown, text and RIS', async () => {
    const article = (await ask('How is gout treated?')).json();
    const markdown = await app.inject(`/api/articles/${article.id}/export?format=markdown`);
    expect(markdown.headers['content-type']).toMatch(/text\/markdown/);
    expect(markdown.body).toMatch(/^# Treatment of gout/);
    expect(markdown.body).toMatch(/## References\n\n1\. /);
    expect(markdown.body).toMatch(new RegExp(`Permalink: http://localhost(:80)?/a/${article.id}`));
    const ris = await app.inject(`/api/articles/${article.id}/export?format=ris`);
    expect(ris.body.match(/^TY {2}- /gm)?.length).toBe(article.references.length);
    expect(ris.body).toMatch(/ER {2}- /);
    expect((await app.inject(`/api/articles/${article.id}/export?format=text`)).body).not.toMatch(/^#/m);
    expect((await app.inject(`/api/articles/${article.id}/export?format=pdf`)).statusCode).toBe(400);
  });

  it('suggests topics as you type', async () => {
    const body = (await app.inject('/api/suggest?q=nsi')).json();
    expect(body.suggestions[0]).toMatchObject({ topicId: 'nsip' });
    expect((await app.inject('/api/suggest?q=')).json()).toEqual({ suggestions: [] });
    expect((await app.inject('/api/suggest')).statusCode).toBe(400);
  });

  it('publishes an OpenAPI document generated from the routes, covering every one', async () => {
    const document = (await app.inject('/api/openapi.json')).json();
    expect(document.openapi).toBe('3.1.0');
    expect(openApiGaps(app, document)).toEqual([]);
    expect(app.registeredRoutes.length).toBeGreaterThan(10);
    // The article as served, fields the hand-written document used to miss included.
    const article = document.paths['/api/ask'].post.responses['201'].content['application/json'].schema;
    expect(Object.keys(article.properties)).toEqual(
      expect.arrayContaining(['trace', 'reviewedBy', 'needsRereview', 'permalink', 'references']),
    );
  });

  it('answers unknown API routes with a JSON 404 and sets security headers', async () => {
    const response = await app.inject('/api/nothing');
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toMatch(/default-src 'self'/);
  });
});
