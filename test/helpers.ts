import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config/load-config.js';
import type { IndexUnit } from '../src/indexing/search-index.js';
import type { IngestIssue, ReaderContext } from '../src/ingest/ingest-issue.js';
import { createVesalius, type Vesalius } from '../src/wiring.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED = resolve(ROOT, '..', 'shared');
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

/** A Vesalius on a fresh index file with the given knowledge base (the built-in one by default). */
export function openVesalius(dir: string, knowledgeDir = KNOWLEDGE): Vesalius {
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
