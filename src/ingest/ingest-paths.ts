import { readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
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
    // One unreadable or corrupt file is reported and skipped; the files after it still go in.
    try {
      for await (const unit of readFile(file, context)) {
        batch.push(unit);
        passages += unit.passages.length;
        if (batch.length >= BATCH) flush();
      }
    } catch (error) {
      report({ file, location: 'file', reason: `cannot be read: ${readableError(error)}` });
    }
    flush();
    doneBytes += sizes[position] ?? 0;
    options.progress?.update(doneBytes, passages);
  }
  flush();
  options.progress?.stop();
  return { files: files.length, sources, passages, issues, ms: now() - started };
}

function collectFiles(
  path: string,
  files: string[],
  report: (issue: IngestIssue) => void,
  explicit: boolean,
  visited = new Set<string>(),
): void {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    report({ file: path, location: 'path', reason: `cannot be read: ${readableError(error)}` });
    return;
  }
  if (!stat) {
    report({ file: path, location: 'path', reason: 'no such file or folder' });
    return;
  }
  if (stat.isDirectory()) {
    // A symbolic link back up the tree would recurse for ever: each real folder is walked once.
    let real: string;
    let entries: string[];
    try {
      real = realpathSync(path);
      entries = readdirSync(path).sort();
    } catch (error) {
      report({ file: path, location: 'folder', reason: `cannot be read: ${readableError(error)}` });
      return;
    }
    if (visited.has(real)) return;
    visited.add(real);
    for (const entry of entries) collectFiles(join(path, entry), files, report, false, visited);
    return;
  }
  if (!stat.isFile()) {
    // A named pipe or device called ".jsonl" would block the ingest for ever.
    report({ file: path, location: 'file', reason: 'not a regular file (a pipe, socket or device); skipped' });
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

/** An error as a short sentence for the report (no stack trace). */
function readableError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'Z_DATA_ERROR' || /incorrect header check|invalid (block|distance|stored)/i.test(message))
    return 'the gzip data is corrupt';
  if (code === 'EACCES') return 'permission denied';
  return message.split('\n')[0] ?? message;
}
