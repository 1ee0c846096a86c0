import { z } from 'zod';
import type { Source } from '../domain/source.js';
import type { IndexUnit } from '../indexing/search-index.js';
import { htmlToPlainText } from './html-to-plain-text.js';
import { inferAnswers } from './infer-answers.js';

export const medlineplusSchema = z.object({
  url: z.string().url('url is not a URL'),
  title: z.string().min(1),
  full_summary_html: z.string().min(1, 'full_summary_html is empty'),
  groups: z.array(z.string()).nullable().optional(),
  mesh_descriptors: z.array(z.string()).nullable().optional(),
});
export type MedlineplusRecord = z.infer<typeof medlineplusSchema>;

/** One MedlinePlus health topic: one source, one passage with the summary as plain text. */
export function medlineplusUnit(record: MedlineplusRecord, snapshotYear: number | undefined): IndexUnit {
  const slug = new URL(record.url).pathname
    .replace(/^\/+|\.html?$/g, '')
    .replace(/[^a-z0-9]+/gi, '-')
    .toLowerCase();
  const id = `medlineplus:${slug || 'topic'}`;
  const lines = htmlToPlainText(record.full_summary_html).split('\n');
  // The last line names the NIH institute that wrote the summary: an attribution, not content.
  const attribution =
    lines.length > 1 && /^(NIH|National|Centers|U\.S\.|Agency)\b.{0,160}$/.test(lines[lines.length - 1] ?? '')
      ? lines.pop()
      : undefined;
  const text = lines.join('\n');
  const source: Source = {
    id,
    kind: 'patient-information',
    origin: 'medlineplus',
    title: record.title,
    authors: [attribution?.replace(/^NIH:\s*/, '') ?? 'MedlinePlus'],
    journal: 'MedlinePlus, National Library of Medicine',
    url: record.url,
    licence: 'MedlinePlus health topic (public domain text; see medlineplus.gov/about/using/usingcontent)',
  };
  if (snapshotYear !== undefined) source.year = snapshotYear;
  return {
    source,
    passages: [
      {
        id,
        sourceId: id,
        section: 'Summary',
        text,
        ord: 0,
        citations: [id],
        answers: inferAnswers('', text),
        title: record.title,
        keywords: (record.groups ?? []).join('; '),
      },
    ],
  };
}
