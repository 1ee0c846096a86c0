/// <reference lib="dom" />
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { startServer, type RunningServer } from '../../src/serve/http/start-server.js';
import { readingGrade } from '../../src/text/reading-grade.js';
import { KNOWLEDGE, ROOT, launchChromium, scratch } from '../helpers.js';

const SHOTS = join(ROOT, 'test-output', 'screenshots');
const SEED = 'What is the treatment approach for ILD with an NSIP pattern and elevated IgE?';
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** End to end in Debian's Chromium: the server as users run it, the built web app, a real browser. */
describe('web app in headless Chromium', () => {
  const space = scratch();
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer(loadConfig({ dbPath: join(space.dir, 'index.sqlite'), knowledgeDir: KNOWLEDGE }, {}), {
      port: 0,
      host: '127.0.0.1',
      logger: false,
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // The app must never reach outside the machine.
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    space.cleanup();
  });

  it('asks the seed question from the home page and shows the cited article', async () => {
    const urls: string[] = [];
    page.on('request', (request) => urls.push(request.url()));
    await page.goto(server.url);
    await page.getByTestId('ask-input').fill(SEED);
    await page.getByTestId('ask-submit').click();
    await page.waitForURL(/\/a\/[\w-]+/);
    // The question (which may hold patient details) travels in request bodies, never in a URL.
    expect(urls.filter((url) => /NSIP|nsip/.test(decodeURIComponent(url)))).toEqual([]);
    await expect.poll(() => page.getByTestId('article-title').textContent()).toMatch(/NSIP/);
    const bottomLine = (await page.getByTestId('bottom-line').textContent()) ?? '';
    expect(bottomLine.length).toBeGreaterThan(50);
    expect(await page.getByTestId('section').count()).toBeGreaterThan(4);
    expect(await page.getByTestId('citation').count()).toBeGreaterThan(10);
    expect(await page.getByTestId('reference').count()).toBeGreaterThan(5);
    const text = (await page.locator('main').textContent())?.toLowerCase() ?? '';
    for (const concept of [
      'mycophenolate',
      'nintedanib',
      'hypersensitivity pneumonitis',
      'connective tissue disease',
      'fvc',
    ])
      expect(text).toContain(concept);
    expect(await page.getByTestId('review-status').textContent()).toMatch(
      /Educational purpose only · content pending human review/,
    );
    await page.screenshot({ path: join(SHOTS, 'article-page.png') });
    await page.screenshot({ path: join(SHOTS, 'article-physician.png'), fullPage: true });
  });

  it('shows what supports a citation, not the statement again, and one tab stop per statement', async () => {
    const bullet = page.getByTestId('bullet').first();
    const bulletText = ((await bullet.textContent()) ?? '').replace(/\[\d+\]|Grade:.*$/g, '').trim();
    await bullet.getByTestId('citation').first().hover();
    const popover = page.getByTestId('citation-popover');
    // A knowledge-base statement: its topic, section and publication, not the sentence repeated.
    await expect.poll(() => popover.first().textContent(), { timeout: 10_000 }).toMatch(/Knowledge-base statement/);
    const shown = (await popover.first().textContent()) ?? '';
    expect(shown).not.toContain(bulletText.slice(0, 60));
    expect(shown).toMatch(/\[\d+\] \S/);
    await page.screenshot({ path: join(SHOTS, 'citation-passage.png') });
    await page.mouse.move(0, 0);
    // Bottom-line citations open the same popover.
    await page.getByTestId('bottom-line').getByTestId('citation').first().hover();
    await expect.poll(() => popover.first().textContent(), { timeout: 10_000 }).toMatch(/Knowledge-base statement/);
    await page.mouse.move(0, 0);
    // Keyboard users get the same on focus; a statement's markers are one tab stop.
    await page.getByTestId('citation').nth(1).focus();
    await expect.poll(() => page.getByTestId('citation-popover').count()).toBeGreaterThan(0);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await expect.poll(() => page.getByTestId('citation-popover').count()).toBe(0);
    const stops = await page.locator('a.citation-link:not([tabindex="-1"])').count();
    const statements = await page.locator('[data-testid="bullet"], [data-testid="bottom-line"]').count();
    expect(stops).toBeLessThanOrEqual(statements);
    // Followed to the reference list, a citation leaves a way back.
    await bullet.getByTestId('citation').first().click();
    await page.getByRole('button', { name: /Back to text/ }).click();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('citation-link'))).toBe(true);
  });

  it('switches the audience to patient and shows plainer text', async () => {
    const clinician = (await page.getByTestId('bottom-line').textContent()) ?? '';
    await page.getByTestId('audience-option-patient').click();
    await expect.poll(() => page.getByTestId('bottom-line').textContent()).not.toBe(clinician);
    expect(page.url()).toMatch(/audience=patient/);
    const patient = (await page.getByTestId('bottom-line').textContent()) ?? '';
    expect(readingGrade(patient)).toBeLessThan(readingGrade(clinician));
    await page.screenshot({ path: join(SHOTS, 'article-patient.png'), fullPage: true });
    await page.getByTestId('audience-option-physician').click();
    await expect.poll(() => page.getByTestId('bottom-line').textContent()).toBe(clinician);
  });

  it('asks a follow-up that keeps the thread', async () => {
    await page.getByTestId('followup-input').fill('And the dose?');
    await page.getByTestId('followup-submit').click();
    await expect.poll(() => page.getByTestId('thread-item').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    const thread = (await page.getByTestId('thread-item').last().textContent()) ?? '';
    expect(thread).toMatch(/And the dose\?/);
    expect(thread).toMatch(/mg/);
    await page.screenshot({ path: join(SHOTS, 'follow-up-thread.png'), fullPage: true });
    // Print prints the article whose button was pressed, not the whole thread.
    await page.evaluate(() => {
      window.print = () => {};
    });
    await page.getByTestId('thread-item').last().getByTestId('print').click();
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('thread-item').first().isVisible()).toBe(false);
    expect(await page.getByTestId('thread-item').last().isVisible()).toBe(true);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.emulateMedia({ media: 'screen' });
    expect(await page.getByTestId('thread-item').first().isVisible()).toBe(true);
  });

  it('shows an emergency message first, visually distinct', async () => {
    await page.goto(server.url);
    await page
      .getByTestId('ask-input')
      .fill("My father suddenly can't move his right arm and his speech is slurred. What should I do?");
    await page.getByTestId('ask-submit').click();
    const alert = page.getByTestId('emergency-alert');
    await expect.poll(() => alert.count(), { timeout: 10_000 }).toBe(1);
    expect(await alert.textContent()).toMatch(/911|emergency/i);
    const alertBox = await alert.boundingBox();
    const titleBox = await page.getByTestId('article-title').boundingBox();
    expect(alertBox && titleBox && alertBox.y < titleBox.y).toBe(true);
    const colour = await alert.evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(colour).not.toBe('rgba(0, 0, 0, 0)');
    // One tap calls: the numbers are tel: links; nothing reassures or scores.
    expect(await page.getByTestId('emergency-call').first().getAttribute('href')).toBe('tel:911');
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toMatch(/go home|risk score/i);
    await page.screenshot({ path: join(SHOTS, 'emergency.png'), fullPage: true });
  });

  it('says plainly when a question is out of scope, and fits a phone-width screen', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(server.url);
    await page.getByTestId('ask-input').fill('What will the weather be like in Paris tomorrow?');
    await page.getByTestId('ask-submit').click();
    await expect.poll(() => page.getByTestId('status-notice').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId('section').count()).toBe(0);
    // A refusal is not an article: no audience selector, exports, review stepper or follow-up box.
    for (const chrome of ['review-status', 'export-markdown', 'copy-text', 'followup-input'])
      expect(await page.getByTestId(chrome).count(), chrome).toBe(0);
    expect(await page.locator('input[name="article-audience"]').count()).toBe(0);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, 'out-of-scope-phone.png'), fullPage: true });
  });

  it("lists this browser's own questions on the home page, and nobody else's", async () => {
    await page.goto(server.url);
    await expect.poll(() => page.locator('.recent').textContent()).toMatch(/Your recent questions.*NSIP/s);
    const stranger = await browser.newPage();
    await stranger.goto(server.url);
    await expect.poll(() => stranger.getByTestId('ask-input').count()).toBe(1);
    expect(await stranger.locator('.recent').count()).toBe(0);
    await stranger.close();
  });

  it('shows the trust block under the title and the bottom line on the first screen of a phone', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(server.url);
    await page.getByTestId('ask-input').fill('How is gout treated?');
    await page.getByTestId('ask-submit').click();
    await page.waitForURL(/\/a\/[\w-]+/);
    const bottomLine = page.getByTestId('bottom-line');
    await expect.poll(() => bottomLine.count()).toBe(1);
    const title = await page.getByTestId('article-title').boundingBox();
    const trust = await page.getByTestId('review-status').boundingBox();
    const answer = await bottomLine.boundingBox();
    expect(title && trust && answer).toBeTruthy();
    expect(trust!.y).toBeGreaterThan(title!.y);
    expect(trust!.y).toBeLessThan(answer!.y);
    expect(answer!.y).toBeLessThan(812);
    expect(await page.getByTestId('review-status').textContent()).toMatch(/Medical advisory board/);
    await page.screenshot({ path: join(SHOTS, 'article-phone.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('passes an accessibility check (axe-core) on every page type', async () => {
    const pages: Array<[string, () => Promise<void>]> = [
      ['home', async () => void (await page.goto(server.url))],
      ['editorial policy', async () => void (await page.goto(`${server.url}/editorial-policy`))],
      ['review sign-in', async () => void (await page.goto(`${server.url}/review/sign-in`))],
      ['not found', async () => void (await page.goto(`${server.url}/no-such-page`))],
      [
        'article',
        async () => {
          await page.goto(server.url);
          await page.getByTestId('ask-input').fill(SEED);
          await page.getByTestId('ask-submit').click();
          await page.waitForURL(/\/a\/[\w-]+/);
          await expect.poll(() => page.getByTestId('bottom-line').count()).toBe(1);
        },
      ],
      [
        'emergency',
        async () => {
          await page.goto(server.url);
          await page.getByTestId('ask-input').fill('I have crushing chest pain and sweating right now');
          await page.getByTestId('ask-submit').click();
          await expect.poll(() => page.getByTestId('emergency-alert').count(), { timeout: 10_000 }).toBe(1);
        },
      ],
    ];
    const problems: string[] = [];
    for (const [name, open] of pages) {
      await open();
      // Evaluated through the DevTools protocol, which the page's CSP rightly does not allow as an inline script.
      await page.evaluate(AXE_SOURCE);
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run: () => Promise<{
                violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown }> }>;
              }>;
            };
          }
        ).axe;
        const result = await axe.run();
        return result.violations.map(
          (violation) =>
            `${violation.id} (${violation.impact}): ${JSON.stringify(violation.nodes.slice(0, 2).map((node) => node.target))}`,
        );
      });
      problems.push(...violations.map((violation) => `${name}: ${violation}`));
    }
    expect(problems).toEqual([]);
  });
});
