import { z } from 'zod';
import type { Source } from '../domain/source.js';
import type { IndexUnit } from '../indexing/search-index.js';
import { cleanText } from './clean-text.js';
import { kindFromAbstract } from './infer-study-kind.js';

export const pubmedqaSchema = z.object({
  pmid: z.union([z.string().regex(/^\d+$/, 'pmid must be digits'), z.number().int().positive()]),
  year: z.union([z.string(), z.number()]).nullable().optional(),
  meshes: z.array(z.string()).nullable().optional(),
  sections: z.array(z.object({ label: z.string().optional(), text: z.string() })).min(1, 'sections is empty'),
});
export type PubmedqaRecord = z.infer<typeof pubmedqaSchema>;

/** One PubMedQA abstract (no title in the corpus): one source, one passage, both keyed by PMID. */
export function pubmedqaUnit(record: PubmedqaRecord): IndexUnit {
  const pmid = String(record.pmid);
  const text = record.sections
    .map((section) =>
      section.label ? `${capitalise(section.label)}: ${cleanText(section.text)}` : cleanText(section.text),
    )
    .join('\n');
  const year = record.year === undefined || record.year === null ? undefined : Number.parseInt(String(record.year), 10);
  const meshes = record.meshes ?? [];
  const source: Source = {
    id: pmid,
    kind: kindFromAbstract(text),
    origin: 'pubmedqa',
    title: meshes.length > 0 ? `Abstract on ${meshes.slice(0, 3).join(', ')} (PMID ${pmid})` : `Abstract, PMID ${pmid}`,
    authors: [],
    pmid,
    url: `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`,
  };
  if (year !== undefined && Number.isFinite(year)) source.year = year;
  const passage = {
    id: pmid,
    sourceId: pmid,
    section: 'Abstract',
    text,
    ord: 0,
    citations: [pmid],
    answers: [],
    title: '',
    keywords: meshes.join('; '),
    ...(source.year === undefined ? {} : { year: source.year }),
  };
  return { source, passages: [passage] };
}

function capitalise(label: string): string {
  return label.charAt(0).toUpperCase() + label.slice(1).toLowerCase();
}
