import { parse as parseYaml, stringify } from 'yaml';
import type { Article, Section } from '../domain/article.js';

const DESCRIPTIONS: Record<string, string> = {
  'synonyms.yaml': 'Which names are equivalent, and which drugs belong to a class.',
  'spelling.yaml': 'British and American spellings and the shorthand readers use.',
  'triage.yaml': 'Emergency numbers, red flags, and when a message is not about health.',
  'intents.yaml': 'How questions ask what they want, populations and measurements.',
  'section-plans.yaml': 'Which sections answer which question, and how long answers are.',
  'currency.yaml': 'When a cited guideline is out of date.',
};

/**
 * A clinical rules file (knowledge/rules/*.yaml) as a document for editorial review: one
 * section per top-level field, one bullet per entry written as a line of YAML, so reviewers
 * read, comment on and approve the rules the way they do topics.
 */
export function rulesAsArticle(file: string, text: string, updated: string): Article {
  const data = parseYaml(text) as Record<string, unknown>;
  const sections: Section[] = Object.entries(data ?? {}).map(([key, value]) => ({
    heading: key,
    bullets: entriesOf(value).map((entry) => ({ text: entry, citations: [], evidence: [] })),
  }));
  return {
    question: `Clinical rules: ${file}`,
    status: 'answered',
    questionType: 'definition',
    title: `Clinical rules: ${file}`,
    alert: null,
    bottomLine: { text: DESCRIPTIONS[file] ?? 'Clinical rules kept as reviewed data.', citations: [] },
    sections,
    references: [],
    audience: 'physician',
    reviewStatus: 'submitted',
    lastUpdated: updated,
    disclaimer: 'Rules that decide how Vesalius reads questions; approval is an editorial decision.',
    topics: [],
    trace: [],
  };
}

function entriesOf(value: unknown): string[] {
  const line = (item: unknown) => stringify(item, { lineWidth: 0, collectionStyle: 'flow' }).trim();
  if (Array.isArray(value)) return value.map(line);
  if (value && typeof value === 'object') return Object.entries(value).map(([key, item]) => `${key}: ${line(item)}`);
  return [line(value)];
}
