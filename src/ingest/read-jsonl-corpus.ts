import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ZodError } from 'zod';
import type { IndexUnit } from '../indexing/search-index.js';
import type { ReaderContext } from './ingest-issue.js';
import { readBoundedLines } from './read-bounded-lines.js';
import { medlineplusSchema, medlineplusUnit } from './medlineplus-record.js';
import { medquadPassageSchema, medquadUnit } from './medquad-record.js';
import { pubmedqaSchema, pubmedqaUnit } from './pubmedqa-record.js';

/** The longest record read, in characters: real records are kilobytes (MedlinePlus topics the longest). */
const MAX_LINE_CHARS = 1_000_000;

/**
 * Reads a JSONL corpus: MedQuAD passages, PubMedQA abstracts or MedlinePlus health
 * topics, recognised record by record. A bad line is reported and skipped.
 * MedQuAD document metadata lines (documents.jsonl) carry no text and are skipped.
 */
export async function* readJsonlCorpus(file: string, context: ReaderContext): AsyncGenerator<IndexUnit> {
  const lines = readBoundedLines(createReadStream(file, { encoding: 'utf8' }), MAX_LINE_CHARS);
  const snapshot = /(\d{4})-\d{2}-\d{2}/.exec(basename(file));
  const snapshotYear = snapshot?.[1] ? Number(snapshot[1]) : undefined;
  let synonyms: Map<string, string[]> | undefined;
  let lineNumber = 0;
  let bytes = 0;
  for await (const read of lines) {
    lineNumber += 1;
    const where = `line ${lineNumber}`;
    if (read.tooLong) {
      bytes += read.length + 1;
      context.report({
        file,
        location: where,
        reason: `record of ${read.length.toLocaleString('en-US')} characters, longer than the ${MAX_LINE_CHARS.toLocaleString('en-US')} read; skipped`,
      });
      continue;
    }
    const line = read.text;
    bytes += Buffer.byteLength(line) + 1;
    if (lineNumber % 512 === 0) context.onProgress?.(bytes);
    if (line.trim() === '') continue;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (error) {
      context.report({ file, location: where, reason: `invalid JSON (${(error as Error).message})` });
      continue;
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      context.report({ file, location: where, reason: 'expected a JSON object per line' });
      continue;
    }
    const fields = record as Record<string, unknown>;
    if ('doc_id' in fields && 'n_answer_passages' in fields && !('text' in fields)) continue;
    if ('doc_id' in fields) {
      const parsed = medquadPassageSchema.safeParse(record);
      if (!parsed.success) {
        context.report({ file, location: where, reason: `MedQuAD passage: ${describe(parsed.error)}` });
        continue;
      }
      synonyms ??= loadMedquadSynonyms(join(dirname(file), 'documents.jsonl'));
      yield medquadUnit(parsed.data, synonyms.get(parsed.data.doc_id) ?? [], lineNumber);
    } else if ('pmid' in fields) {
      const parsed = pubmedqaSchema.safeParse(record);
      if (!parsed.success) {
        context.report({ file, location: where, reason: `PubMedQA abstract: ${describe(parsed.error)}` });
        continue;
      }
      yield pubmedqaUnit(parsed.data);
    } else if ('full_summary_html' in fields) {
      const parsed = medlineplusSchema.safeParse(record);
      if (!parsed.success) {
        context.report({ file, location: where, reason: `MedlinePlus topic: ${describe(parsed.error)}` });
        continue;
      }
      yield medlineplusUnit(parsed.data, snapshotYear);
    } else {
      context.report({
        file,
        location: where,
        reason:
          'unrecognised record: expected a MedQuAD passage {id, doc_id, text}, a PubMedQA abstract {pmid, sections} or a MedlinePlus topic {url, title, full_summary_html}',
      });
    }
  }
  context.onProgress?.(bytes);
}

function describe(error: ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'record'}: ${issue.message}`).join('; ');
}

/** doc_id → synonyms from MedQuAD's documents.jsonl beside the passages, when present. */
function loadMedquadSynonyms(path: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  if (!existsSync(path)) return map;
  // Read synchronously: it is small (a few MB) and needed before the first passage.
  const text = readFileSyncSafe(path);
  for (const line of text.split('\n')) {
    if (!line.includes('"synonyms"')) continue;
    try {
      const record = JSON.parse(line) as { doc_id?: unknown; synonyms?: unknown };
      if (typeof record.doc_id === 'string' && Array.isArray(record.synonyms)) {
        map.set(
          record.doc_id,
          record.synonyms.filter((value): value is string => typeof value === 'string'),
        );
      }
    } catch {
      // A broken metadata line only costs its synonyms.
    }
  }
  return map;
}

function readFileSyncSafe(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
