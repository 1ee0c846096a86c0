import type { Source } from '../../domain/source.js';
import { readKnowledgeBase } from '../../ingest/read-knowledge-base.js';
import {
  verifyReferences,
  type PubmedLookup,
  type ReferenceCheck,
  type ReferenceVerdict,
} from '../../verify/verify-references.js';

const MARKS: Record<ReferenceVerdict, string> = {
  verified: 'ok        ',
  'match-found': 'FOUND     ',
  unmatched: 'unmatched ',
  mismatch: 'MISMATCH  ',
  'not-found': 'NOT FOUND ',
  error: 'ERROR     ',
};

/**
 * `vesalius kb verify-references`: checks every distinct reference of the knowledge base
 * against PubMed and prints one line per reference and a summary. Exit code 1 when an
 * identifier is wrong (mismatch, not found) or PubMed could not be reached.
 */
export async function verifyKnowledgeReferences(
  root: string,
  lookup: PubmedLookup,
  options: { json: boolean; limit?: number; out: (text: string) => void },
): Promise<number> {
  const knowledge = readKnowledgeBase(root);
  const sources = new Map<string, Source>();
  for (const unit of knowledge.units)
    for (const source of unit.citedSources ?? []) if (!sources.has(source.id)) sources.set(source.id, source);
  const selected = [...sources.values()].slice(0, options.limit ?? sources.size);
  const checks = await verifyReferences(selected, lookup, (check) => {
    if (!options.json)
      options.out(`${MARKS[check.verdict]} ${check.sourceId}\n           ${check.title}\n           ${check.detail}\n`);
  });
  const counts = countVerdicts(checks);
  if (options.json) options.out(`${JSON.stringify({ counts, checks })}\n`);
  else
    options.out(
      `\n${checks.length} references: ${Object.entries(counts)
        .map(([verdict, n]) => `${n} ${verdict}`)
        .join(', ')}.\n`,
    );
  return counts.mismatch + counts['not-found'] + counts.error > 0 ? 1 : 0;
}

function countVerdicts(checks: ReferenceCheck[]): Record<ReferenceVerdict, number> {
  const counts: Record<ReferenceVerdict, number> = {
    verified: 0,
    'match-found': 0,
    unmatched: 0,
    mismatch: 0,
    'not-found': 0,
    error: 0,
  };
  for (const check of checks) counts[check.verdict] += 1;
  return counts;
}
