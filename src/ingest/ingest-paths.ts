import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { IndexUnit, SearchIndex } from '../indexing/search-index.js';
import type { IngestIssue, ReaderContext } from './ingest-issue.js';
import { parseTopicFile } from './parse-topic-file.js';
import { readJsonlCorpus } from './read-jsonl-corpus.js';
import { readPubmedXml } from './read-pubmed-xml.js';

/** Progress of a long ingest; the CLI draws a bar on a terminal and plain lines otherwise. */
export interface IngestProgress {
  start(totalBytes: number): void;
  update(bytesDone: number, passages: number): void;
  stop(): void;
}

export interface IngestSummary {
  files: number;
  sources: number;
  passages: number;
  issues: IngestIssue[];
  ms: number;
}

const BATCH = 2000;

/** Ingests files and folders into the index; bad records are reported and skipped, never fatal. */
export async function ingestPaths(
  index: SearchIndex,
  paths: string[],
  options: { progress?: IngestProgress; onIssue?: (issue: IngestIssue) => void; now?: () => number } = {},
): Promise<IngestSummary> {
  const now = options.now ?? Date.now;
  const started = now();
  const issues: IngestIssue[] = [];
  const report = (issue: IngestIssue) => {
    issues.push(issue);
    options.onIssue?.(issue);
  };
  const files: string[] = [];
  for (const path of paths) collectFiles(path, files, report, true);
  const sizes = files.map((file) => statSync(file).size);
  const totalBytes = sizes.reduce((sum, size) => sum + size, 0);
  options.progress?.start(totalBytes);

  const seen = new Set<string>();
  let batch: IndexUnit[] = [];
  let sources = 0;
  let passages = 0;
  let doneBytes = 0;
  const flush = () => {
    if (batch.length === 0) return;
    // Group so that a source met for the first time in this run replaces its old copy,
    // and later records of the same source add to it.
    const fresh: IndexUnit[] = [];
    const more: IndexUnit[] = [];
    for (const unit of batch) {
      if (seen.has(unit.source.id)) more.push(unit);
      else {
        seen.add(unit.source.id);
        fresh.push(unit);
        sources += 1;
      }
    }
    index.write(fresh);
    if (more.length > 0) index.write(more, { append: true });
    batch = [];
  };

  for (const [position, file] of files.entries()) {
    const context: ReaderContext = {
      report,
      onProgress: (bytesRead) => options.progress?.update(doneBytes + bytesRead, passages),
    };
    for await (const unit of readFile(file, context)) {
      batch.push(unit);
      passages += unit.passages.length;
      if (batch.length >= BATCH) flush();
    }
    flush();
    doneBytes += sizes[position] ?? 0;
    options.progress?.update(doneBytes, passages);
  }
  flush();
  options.progress?.stop();
  return { files: files.length, sources, passages, issues, ms: now() - started };
}

function collectFiles(path: string, files: string[], report: (issue: IngestIssue) => void, explicit: boolean): void {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) {
    report({ file: path, location: 'path', reason: 'no such file or folder' });
    return;
  }
  if (stat.isDirectory()) {
    for (const entry of readdirSync(path).sort()) collectFiles(join(path, entry), files, report, false);
    return;
  }
  if (isSupported(path)) files.push(path);
  else if (explicit) {
    report({
      file: path,
      location: 'file',
      reason:
        'unsupported format: expected .jsonl (MedQuAD, PubMedQA, MedlinePlus), .xml or .xml.gz (PubmedArticleSet) or .md (knowledge-base topic)',
    });
  }
}

function isSupported(path: string): boolean {
  const name = basename(path).toLowerCase();
  if (name === 'readme.md') return false;
  return /\.(jsonl|ndjson|xml|xml\.gz|md)$/.test(name);
}

async function* readFile(file: string, context: ReaderContext): AsyncGenerator<IndexUnit> {
  const name = file.toLowerCase();
  if (name.endsWith('.jsonl') || name.endsWith('.ndjson')) yield* readJsonlCorpus(file, context);
  else if (name.endsWith('.xml') || name.endsWith('.xml.gz')) yield* readPubmedXml(file, context);
  else if (name.endsWith('.md')) {
    const parsed = parseTopicFile(file, readFileSync(file, 'utf8'));
    for (const problem of parsed.problems) {
      if (problem.severity === 'error') context.report({ file, location: problem.location, reason: problem.message });
    }
    if (parsed.unit) yield parsed.unit;
  }
}
