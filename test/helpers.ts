import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { loadConfig } from '../src/config/load-config.js';
import type { IndexUnit } from '../src/indexing/search-index.js';
import type { IngestIssue, ReaderContext } from '../src/ingest/ingest-issue.js';
import { createVesalius, type Vesalius } from '../src/wiring.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = resolve(ROOT, '..', 'shared');

/**
 * A file or folder of the shared test material (`../shared/`, beside the repository root:
 * the public corpora and development sets). Says so clearly when it is missing, instead of
 * failing with a bare ENOENT.
 */
export function sharedPath(relativePath: string): string {
  const path = join(SHARED, relativePath);
  if (!existsSync(path))
    throw new Error(
      `This test reads ../shared/${relativePath} (the shared test material beside the repository root), which is missing at ${path}. Put the shared folder there, or run \`npm run test:unit\`, which needs none.`,
    );
  return path;
}
export const FIXTURES = join(ROOT, 'test', 'fixtures');
export const KNOWLEDGE = join(ROOT, 'knowledge');

/** A scratch folder removed by the returned cleanup function. */
export function scratch(prefix = 'vesalius-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function writeLines(path: string, lines: string[]): string {
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/**
 * Puts a copy of the run's index of the built-in knowledge base at `dbPath` (unless a file is
 * already there), so a test starts from a fresh index without re-indexing: Vesalius finds the
 * knowledge base unchanged and uses it as it is. Returns `dbPath`.
 */
export function seedIndex(dbPath: string): string {
  if (!existsSync(dbPath)) {
    mkdirSync(dirname(dbPath), { recursive: true });
    copyFileSync(inject('kbIndexTemplate'), dbPath);
  }
  return dbPath;
}

/** A Vesalius on a fresh index file with the given knowledge base (the built-in one by default). */
export function openVesalius(dir: string, knowledgeDir = KNOWLEDGE): Vesalius {
  if (knowledgeDir === KNOWLEDGE) seedIndex(join(dir, 'index.sqlite'));
  return createVesalius(loadConfig({ dbPath: join(dir, 'index.sqlite'), knowledgeDir }, {}), {
    now: () => new Date('2026-11-24T12:00:00Z'),
  });
}

/** Runs a reader over a file and collects what it yields and what it reports. */
export async function readAll(
  reader: (file: string, context: ReaderContext) => AsyncIterable<IndexUnit>,
  file: string,
): Promise<{ units: IndexUnit[]; issues: IngestIssue[] }> {
  const units: IndexUnit[] = [];
  const issues: IngestIssue[] = [];
  for await (const unit of reader(file, { report: (issue) => issues.push(issue) })) units.push(unit);
  return { units, issues };
}

/** Runs the CLI in process with captured output and a given standard input. */
export async function runCli(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  const { main } = await import('../src/serve/cli/main.js');
  let out = '';
  let err = '';
  const code = await main(args, {
    out: (text) => (out += text),
    err: (text) => (err += text),
    readStdin: async () => stdin,
  });
  return { code, out, err };
}

/** Debian's Chromium, headless, with no background network traffic (the machine has none). */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** The built-in clinical rules (knowledge/rules), loaded and compiled as the product does. */
export async function builtInRules() {
  const { loadClinicalRules } = await import('../src/ingest/read-clinical-rules.js');
  const { compileRules } = await import('../src/understand/compile-rules.js');
  return compileRules(loadClinicalRules(KNOWLEDGE));
}
