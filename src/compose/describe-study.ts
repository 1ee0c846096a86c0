import type { Passage } from '../domain/passage.js';
import type { Source, SourceKind } from '../domain/source.js';
import { splitSentences } from '../text/split-sentences.js';

const DESIGN: Partial<Record<SourceKind, string>> = {
  'randomized-trial': 'Randomized trial',
  'systematic-review': 'Systematic review',
  'observational-study': 'Observational study',
  guideline: 'Guideline',
  'narrative-review': 'Review',
};

/** Labels of a structured abstract, best first for a finding. */
const FINDING_LABELS = ['conclusion', 'conclusions', 'results', 'findings', 'interpretation'];

/**
 * An ingested passage as a citable finding: for an abstract, its conclusion or results
 * sentence that best matches the question, with design and year; for consumer-health
 * text, its best sentence. Never a section label, a fragment or a bare title.
 */
export function describeStudy(
  passage: Passage,
  source: Source,
  relevance: (sentence: string) => number,
): string | null {
  const labelled = passage.text.split('\n').map((line) => {
    const match = /^([A-Za-z ]{3,30}):\s+(.*)$/.exec(line.trim());
    return match ? { label: (match[1] ?? '').toLowerCase(), text: match[2] ?? '' } : { label: '', text: line.trim() };
  });
  const isAbstract = source.origin === 'pubmed' || source.origin === 'pubmedqa';
  const preferred = labelled.filter((part) => FINDING_LABELS.includes(part.label));
  const parts = isAbstract && preferred.length > 0 ? preferred : labelled;
  const sentences = parts.flatMap((part) => splitSentences(part.text)).filter(isCompleteSentence);
  if (sentences.length === 0) return null;
  const best = [...sentences].sort((a, b) => relevance(b) - relevance(a))[0] ?? '';
  if (relevance(best) <= 0) return null;
  if (!isAbstract) return best;
  const design = DESIGN[source.kind] ?? 'Study';
  return `${design}${source.year ? ` (${source.year})` : ''}: ${best}`;
}

function isCompleteSentence(sentence: string): boolean {
  if (sentence.length < 40 || sentence.length > 450) return false;
  if (/[:?]$/.test(sentence) || !/[.!)]$/.test(sentence)) return false;
  if (/https?:\/\/|www\./i.test(sentence)) return false;
  return /^[A-Z0-9("']/.test(sentence);
}
