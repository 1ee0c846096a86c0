import { connect } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { ArticleService, MAX_THREAD } from '../../src/article-service.js';
import { buildApp } from '../../src/serve/http/build-app.js';
import { SqliteArticleStore } from '../../src/storage/sqlite/sqlite-article-store.js';
import { createVesalius, type Vesalius } from '../../src/wiring.js';
import { KNOWLEDGE, scratch, seedIndex } from '../helpers.js';

/** Abuse the server must survive: floods of questions, slow bodies, and headers on every response. */
describe('HTTP hardening', () => {
  const space = scratch();
  let app: FastifyInstance;
  let vesalius: Vesalius;
  let store: SqliteArticleStore;

  beforeAll(async () => {
    vesalius = createVesalius(
      loadConfig({ dbPath: seedIndex(join(space.dir, 'index.sqlite')), knowledgeDir: KNOWLEDGE }, {}),
    );
    store = new SqliteArticleStore(join(space.dir, 'store.sqlite'));
    app = await buildApp({
      vesalius,
      articles: new ArticleService(vesalius, store),
      webRoot: null,
      logger: false,
      version: 'test',
      editorial: null,
      askRatePerMinute: 3,
      requestTimeoutMs: 400,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    vesalius.close();
    space.cleanup();
  });

  it('answers a flood of questions from one client with 429 and Retry-After, in the API error shape', async () => {
    const ask = () =>
      app.inject({
        method: 'POST',
        url: '/api/ask',
        payload: { question: 'How is gout treated?' },
        remoteAddress: '10.1.1.1',
      });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await ask()).statusCode);
    expect(statuses).toEqual([201, 201, 201]);
    const limited = await ask();
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    // Another client is not held back, and reading articles is not limited.
    const other = await app.inject({
      method: 'POST',
      url: '/api/ask',
      payload: { question: 'How is gout treated?' },
      remoteAddress: '10.1.1.2',
    });
    expect(other.statusCode).toBe(201);
    expect((await app.inject({ url: '/api/health', remoteAddress: '10.1.1.1' })).statusCode).toBe(200);
  });

  it('sets security headers on every response, the answer stream included', async () => {
    for (const response of [
      await app.inject('/api/health'),
      await app.inject({
        method: 'POST',
        url: '/api/ask/stream',
        payload: { question: 'gout' },
        remoteAddress: '10.2.2.2',
      }),
    ]) {
      expect(response.headers['content-security-policy']).toMatch(/default-src 'self'/);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('cuts off a request whose body never arrives', async () => {
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    const started = Date.now();
    const closedAfter = await new Promise<number>((resolve, reject) => {
      const socket = connect(address.port, '127.0.0.1', () => {
        socket.write(
          'POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"que',
        );
      });
      socket.on('data', () => {});
      socket.on('close', () => resolve(Date.now() - started));
      socket.on('error', reject);
      setTimeout(() => reject(new Error('the server kept the slow request open')), 5_000);
    });
    expect(closedAfter).toBeLessThan(5_000);
  });

  it('is not ready when a store stops answering, and says which without its address', async () => {
    expect((await app.inject('/api/ready')).json()).toMatchObject({
      ready: true,
      checks: { index: 'ok', answers: 'ok' },
    });
    const broken = new SqliteArticleStore(join(space.dir, 'broken.sqlite'));
    const other = await buildApp({
      vesalius,
      articles: new ArticleService(vesalius, broken),
      webRoot: null,
      logger: false,
      version: 'test',
      editorial: null,
    });
    await broken.close();
    const response = await other.inject('/api/ready');
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ ready: false, checks: { index: 'ok', answers: 'unavailable' } });
    expect(response.body).not.toMatch(/sqlite|\/tmp|postgres/i);
    expect((await other.inject('/api/health')).statusCode).toBe(200);
    await other.close();
  });

  it('keeps a thread to 50 questions', async () => {
    const service = new ArticleService(vesalius, store);
    const first = await service.ask('How is gout treated?', 'physician');
    let last = first;
    for (let turn = 1; turn < MAX_THREAD; turn += 1) last = await service.followUp(last.id, 'and the dose?');
    await expect(service.followUp(last.id, 'and in pregnancy?')).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await service.thread(first.threadId)).toHaveLength(MAX_THREAD);
  });

  it('caps the questions one client may have stored in a day, asks and follow-ups together', async () => {
    const service = new ArticleService(vesalius, store, undefined, undefined, undefined, 3);
    const first = await service.ask('How is gout treated?', 'physician', 'client-x');
    await service.followUp(first.id, 'and the dose?', undefined, 'client-x');
    await service.ask('How is acne treated?', 'physician', 'client-x');
    await expect(service.ask('How is asthma treated?', 'physician', 'client-x')).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      message: expect.stringContaining('last 24 hours'),
    });
    await expect(service.followUp(first.id, 'and in pregnancy?', undefined, 'client-x')).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });
    // Another address, and the CLI (no client), are not held back by it.
    expect((await service.ask('How is asthma treated?', 'physician', 'client-y')).title).toBeTruthy();
    expect((await service.ask('How is asthma treated?', 'physician')).title).toBeTruthy();
  });
});
