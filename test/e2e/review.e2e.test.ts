/// <reference lib="dom" />
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { main } from '../../src/serve/cli/main.js';
import { startServer, type RunningServer } from '../../src/serve/http/start-server.js';
import { KNOWLEDGE, ROOT, launchChromium, scratch } from '../helpers.js';

const SHOTS = join(ROOT, 'test-output', 'screenshots');
const PASSWORD = 'correct horse battery staple';
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** A reviewer signs in, comments on a statement, approves, and the public page changes to Approved. */
describe('reviewer pages in headless Chromium', () => {
  const space = scratch();
  const db = join(space.dir, 'index.sqlite');
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let articleId = '';
  let ownArticleId = '';

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const io = { out: () => {}, err: () => {}, readStdin: async () => `${PASSWORD}\n` };
    expect(
      await main(
        [
          'users',
          'add',
          'ada',
          '--role',
          'reviewer',
          '--name',
          'Dr Ada Lovelace',
          '--credentials',
          'MD, FCCP',
          '--password-stdin',
          '--db',
          db,
        ],
        io,
      ),
    ).toBe(0);
    expect(
      await main(['users', 'add', 'ed', '--role', 'editor', '--name', 'Ed', '--password-stdin', '--db', db], io),
    ).toBe(0);
    server = await startServer(loadConfig({ dbPath: db, knowledgeDir: KNOWLEDGE }, {}), {
      port: 0,
      host: '127.0.0.1',
      logger: false,
    });
    const asked = (await (
      await fetch(`${server.url}/api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question: 'How is gout treated?' }),
      })
    ).json()) as { id: string };
    articleId = asked.id;
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'ed', password: PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const submitted = await fetch(`${server.url}/api/review/documents`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ articleId, specialty: 'rheumatology' }),
    });
    expect(submitted.status).toBe(201);
    // A second answer, submitted by the reviewer herself: she may not approve it.
    const own = (await (
      await fetch(`${server.url}/api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question: 'How is scabies treated?' }),
      })
    ).json()) as { id: string };
    ownArticleId = own.id;
    const adaLogin = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'ada', password: PASSWORD }),
    });
    const adaCookie = (adaLogin.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const adaCsrf = ((await adaLogin.json()) as { csrfToken: string }).csrfToken;
    const ownSubmitted = await fetch(`${server.url}/api/review/documents`, {
      method: 'POST',
      headers: { cookie: adaCookie, 'x-csrf-token': adaCsrf, 'content-type': 'application/json' },
      body: JSON.stringify({ articleId: ownArticleId }),
    });
    expect(ownSubmitted.status).toBe(201);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    space.cleanup();
  });

  it('shows the pending banner to readers before review', async () => {
    await page.goto(`${server.url}/a/${articleId}`);
    await expect.poll(() => page.getByTestId('review-status').textContent()).toMatch(/pending human review/);
  });

  it('refuses a wrong password with a generic message', async () => {
    await page.goto(`${server.url}/review/sign-in`);
    await page.getByTestId('signin-username').fill('ada');
    await page.getByTestId('signin-password').fill('wrong password entirely');
    await page.getByTestId('signin-submit').click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/Invalid username or password/);
  });

  it('signs in, opens the queue item, comments on a statement and approves', async () => {
    await page.getByTestId('signin-password').fill(PASSWORD);
    await page.getByTestId('signin-submit').click();
    await page.waitForURL(/\/review$/);
    await expect.poll(() => page.getByTestId('queue-item').count()).toBe(2);
    await page.screenshot({ path: join(SHOTS, 'review-queue.png') });
    await page.getByTestId('queue-item').filter({ hasText: /gout/i }).getByRole('link').click();
    await expect.poll(() => page.getByTestId('review-state').textContent()).toMatch(/Version 1 · submitted/);
    // Opened directly, as from a bookmark: actions still carry the session's CSRF token.
    await page.goto(page.url());
    await expect.poll(() => page.getByTestId('review-state').textContent()).toMatch(/Version 1 · submitted/);
    await page.getByTestId('comment-open').first().click();
    await page.getByTestId('comment-text').fill('Dose matches ACR 2020; fine.');
    await page.getByTestId('comment-save').click();
    // Each comment names its author and time.
    await expect
      .poll(() => page.getByTestId('review-comment').first().textContent())
      .toMatch(/Dr Ada Lovelace, MD, FCCP · \d{4}-\d{2}-\d{2} \d{2}:\d{2}.*ACR 2020/);
    // Approval asks for confirmation first.
    await page.getByTestId('review-approve').click();
    expect(await page.getByTestId('confirm-action').textContent()).toMatch(/Approve version 1\?/);
    await page.getByTestId('confirm-submit').click();
    await expect.poll(() => page.getByTestId('review-state').textContent()).toMatch(/approved/);
    expect(await page.getByTestId('audit-log').textContent()).toMatch(/review\.approve/);
    await page.screenshot({ path: join(SHOTS, 'review-document.png'), fullPage: true });
    await page.evaluate(AXE_SOURCE);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: () => Promise<{ violations: Array<{ id: string }> }> } }).axe;
      return (await axe.run()).violations.map((violation) => violation.id);
    });
    expect(violations).toEqual([]);
  });

  it('changes the public page to Approved, with who reviewed it, and drops the pending banner', async () => {
    await page.goto(`${server.url}/a/${articleId}`);
    const status = page.getByTestId('review-status');
    await expect.poll(() => status.textContent()).toMatch(/Reviewed by Dr Ada Lovelace, MD, FCCP on \d{4}-\d{2}-\d{2}/);
    expect(await status.textContent()).not.toMatch(/pending human review/);
    expect(await status.locator('[aria-current="step"]').textContent()).toMatch(/Approved/);
    await page.screenshot({ path: join(SHOTS, 'article-approved.png') });
    // Every audience sees the approved content as approved.
    await page.goto(`${server.url}/a/${articleId}?audience=patient`);
    await expect.poll(() => page.getByTestId('review-status').textContent()).toMatch(/Reviewed by Dr Ada Lovelace/);
  });

  it('offers no approval to the reviewer who submitted a version', async () => {
    await page.goto(`${server.url}/review/d/${ownArticleId}`);
    await expect.poll(() => page.getByTestId('review-state').textContent()).toMatch(/Version 1/);
    expect(await page.locator('.review-page').textContent()).toMatch(/another reviewer approves it/);
    expect(await page.getByTestId('review-approve').count()).toBe(0);
  });

  it('lets a signed-in editor submit an article from its page, shows the Review link, and signs out', async () => {
    await page.goto(`${server.url}/review/sign-in`);
    await page.getByTestId('signin-username').fill('ed');
    await page.getByTestId('signin-password').fill(PASSWORD);
    await page.getByTestId('signin-submit').click();
    await page.waitForURL(/\/review$/);
    expect(await page.getByRole('link', { name: 'Review', exact: true }).count()).toBe(1);
    await page.goto(server.url);
    await page.getByTestId('ask-input').fill('How is impetigo treated?');
    await page.getByTestId('ask-submit').click();
    await page.waitForURL(/\/a\/[\w-]+/);
    await page.getByTestId('submit-for-review').click();
    await expect.poll(() => page.locator('.toolbar-note').textContent()).toMatch(/Submitted for review/);
    await page.goto(`${server.url}/review`);
    await expect
      .poll(() =>
        page
          .getByTestId('queue-item')
          .filter({ hasText: /impetigo/i })
          .count(),
      )
      .toBe(1);
    // The queue fits a phone: the page itself never scrolls sideways.
    await page.setViewportSize({ width: 375, height: 812 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/review\/sign-in$/);
    expect(await page.getByRole('link', { name: 'Review', exact: true }).count()).toBe(0);
  });
});
