import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { ArticleService } from '../../src/article-service.js';
import { buildApp } from '../../src/serve/http/build-app.js';
import { SqliteArticleStore } from '../../src/storage/sqlite/sqlite-article-store.js';
import { createVesalius, type Vesalius } from '../../src/wiring.js';
import { KNOWLEDGE, scratch, seedIndex } from '../helpers.js';

const PAGE = `<!doctype html><html><head><meta charset="utf-8" />
<meta name="description" content="Vesalius: evidence-based clinical answers." />
<title>Vesalius · evidence-based clinical answers</title></head><body><div id="root"></div></body></html>`;

/** The web app's pages as the server answers them: real status codes, and permalinks that name their article. */
describe('web pages from the server', () => {
  const space = scratch();
  let app: FastifyInstance;
  let vesalius: Vesalius;
  let store: SqliteArticleStore;
  let articleId = '';

  beforeAll(async () => {
    const webRoot = join(space.dir, 'web');
    mkdirSync(webRoot, { recursive: true });
    writeFileSync(join(webRoot, 'index.html'), PAGE);
    vesalius = createVesalius(
      loadConfig({ dbPath: seedIndex(join(space.dir, 'index.sqlite')), knowledgeDir: KNOWLEDGE }, {}),
    );
    store = new SqliteArticleStore(join(space.dir, 'store.sqlite'));
    const articles = new ArticleService(vesalius, store);
    articleId = (await articles.ask('How is gout treated? <script>', 'physician')).id;
    app = await buildApp({ vesalius, articles, webRoot, logger: false, version: 'test', editorial: null });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    vesalius.close();
    space.cleanup();
  });

  it('answers 200 for the pages the app has, fresh on every load', async () => {
    for (const path of ['/', '/editorial-policy', '/review', '/review/sign-in', '/review/d/doc-1']) {
      const response = await app.inject(path);
      expect(response.statusCode, path).toBe(200);
      expect(response.headers['content-type'], path).toMatch(/text\/html/);
      expect(response.headers['cache-control'], path).toBe('no-cache');
    }
  });

  it('answers 404 for unknown pages and unknown articles, with the app to say so', async () => {
    for (const path of ['/nope', '/a/unknown-article', '/a/', '/review/d/x/y']) {
      const response = await app.inject(path);
      expect(response.statusCode, path).toBe(404);
      expect(response.body, path).toContain('<div id="root">');
    }
  });

  it('names the article in the head of its permalink, escaped', async () => {
    const response = await app.inject(`/a/${articleId}`);
    expect(response.statusCode).toBe(200);
    const title = /<title>([^<]*)<\/title>/.exec(response.body)?.[1] ?? '';
    expect(title).toMatch(/gout/i);
    expect(title).toMatch(/· Vesalius$/);
    const description = /<meta name="description" content="([^"]*)"/.exec(response.body)?.[1] ?? '';
    expect(description.length).toBeGreaterThan(40);
    expect(response.body).not.toContain('<script>');
    // The article itself is in the page, readable and indexable before any script runs.
    const body = /<div id="root">([\s\S]*)<\/div><\/body>/.exec(response.body)?.[1] ?? '';
    expect(body).toMatch(/<h1>[^<]*gout/i);
    expect(body).toMatch(/<h2>Bottom line<\/h2><p>[^<]{40,}/);
    expect(body).toMatch(/<h2>References<\/h2><ol><li value="1">/);
    expect(body).toMatch(/pending human review/);
  });
});
