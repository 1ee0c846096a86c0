import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import type { IndexUnit } from '../indexing/search-index.js';
import type { ReaderContext } from './ingest-issue.js';
import { parsePubmedArticle } from './parse-pubmed-article.js';

const START = /<(PubmedArticle|PubmedBookArticle)[\s>]/g;
/** The longest record read, in characters (real records are a few kilobytes). */
const MAX_RECORD_CHARS = 4_000_000;

/**
 * Streams a PubmedArticleSet file (efetch response or baseline file, optionally
 * gzipped) record by record, so one broken record is reported and skipped while the
 * others are ingested, and memory stays flat on multi-gigabyte files.
 */
export async function* readPubmedXml(file: string, context: ReaderContext): AsyncGenerator<IndexUnit> {
  let input: Readable = createReadStream(file);
  let bytes = 0;
  input.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
  });
  if (file.endsWith('.gz')) input = input.pipe(createGunzip());
  input.setEncoding('utf8');

  let buffer = '';
  let linesBefore = 1;
  let record = 0;
  let sawRoot = false;
  for await (const chunk of input as AsyncIterable<string>) {
    buffer += chunk;
    if (!sawRoot && /<PubmedArticleSet[\s>]/.test(buffer)) sawRoot = true;
    for (;;) {
      START.lastIndex = 0;
      const start = START.exec(buffer);
      if (!start) {
        // Keep a tail in case a start tag is split across chunks.
        const keep = Math.max(0, buffer.length - 32);
        linesBefore += countLines(buffer, 0, keep);
        buffer = buffer.slice(keep);
        break;
      }
      const name = start[1] ?? 'PubmedArticle';
      const closing = `</${name}>`;
      const end = buffer.indexOf(closing, start.index);
      if (end < 0 && buffer.length - start.index > MAX_RECORD_CHARS) {
        // Real records are kilobytes; one that runs on for megabytes is skipped, not buffered.
        record += 1;
        context.report({
          file,
          location: `record ${record} (line ${linesBefore + countLines(buffer, 0, start.index)})`,
          reason: `record longer than ${MAX_RECORD_CHARS / 1_000_000} MB; skipped`,
        });
        START.lastIndex = start.index + 1;
        const next = START.exec(buffer);
        const cut = next ? next.index : Math.max(start.index + 1, buffer.length - 32);
        linesBefore += countLines(buffer, 0, cut);
        buffer = buffer.slice(cut);
        continue;
      }
      if (end < 0) {
        linesBefore += countLines(buffer, 0, start.index);
        buffer = buffer.slice(start.index);
        break;
      }
      // A new record starting before this one closes means this one is truncated.
      START.lastIndex = start.index + 1;
      const next = START.exec(buffer);
      const line = linesBefore + countLines(buffer, 0, start.index);
      record += 1;
      if (next && next.index < end) {
        context.report({
          file,
          location: `record ${record} (line ${line})`,
          reason: `<${name}> is not closed before the next record starts`,
        });
        linesBefore += countLines(buffer, 0, next.index);
        buffer = buffer.slice(next.index);
        continue;
      }
      const xml = buffer.slice(start.index, end + closing.length);
      linesBefore += countLines(buffer, 0, end + closing.length);
      buffer = buffer.slice(end + closing.length);
      if (name === 'PubmedBookArticle') {
        context.report({
          file,
          location: `record ${record} (line ${line})`,
          reason: 'PubmedBookArticle (book chapters) is not supported; skipped',
        });
        continue;
      }
      try {
        yield parsePubmedArticle(xml);
      } catch (error) {
        context.report({ file, location: `record ${record} (line ${line})`, reason: (error as Error).message });
      }
      context.onProgress?.(bytes);
    }
  }
  if (/<(PubmedArticle|PubmedBookArticle)[\s>]/.test(buffer)) {
    context.report({
      file,
      location: `record ${record + 1} (line ${linesBefore})`,
      reason: 'file ends inside a record (truncated download?)',
    });
  }
  if (!sawRoot) {
    context.report({
      file,
      location: 'file',
      reason:
        'not a PubmedArticleSet document (expected efetch db=pubmed retmode=xml output or a PubMed baseline file)',
    });
  }
  context.onProgress?.(bytes);
}

function countLines(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = text.indexOf('\n', from); index >= 0 && index < to; index = text.indexOf('\n', index + 1))
    count += 1;
  return count;
}
