import type { QuestionType } from './question-type.js';
import type { ReviewStatus } from './review-status.js';

/** What a knowledge-base file describes: a clinical condition or problem, or one medicine. */
export const TOPIC_KINDS = ['condition', 'drug'] as const;
type TopicKind = (typeof TOPIC_KINDS)[number];

/** The identity of a medicine: its generic name, brand names by market, class, and how it is sold. */
interface DrugIdentity {
  generic: string;
  brands: { us: string[]; uk: string[] };
  drugClass: string[];
  /** Sold without a prescription in the US or the UK (in at least one form). */
  otc: boolean;
  /** For combination products: the generic names of the active ingredients. */
  ingredients: string[];
}

/** A knowledge-base topic: the digest a set of statements belongs to. */
export interface Topic {
  id: string;
  kind: TopicKind;
  title: string;
  specialty: string;
  synonyms: string[];
  questionTypes: QuestionType[];
  reviewStatus: ReviewStatus;
  /** ISO date (YYYY-MM-DD) of the last content change. */
  updated: string;
  /** ISO date on which the editors last checked the cited sources for newer editions. */
  sourcesChecked?: string;
  /** Present when `kind` is `drug`. */
  drug?: DrugIdentity;
  file: string;
}

/** Every name a topic answers to: title, the title without its parenthesis, the parenthesis, synonyms, brands. */
export function topicNames(topic: Topic): string[] {
  const names = new Set<string>([topic.title, ...topic.synonyms]);
  const bare = topic.title.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  if (bare) names.add(bare);
  for (const inner of topic.title.matchAll(/\(([^)]+)\)/g)) if (inner[1]) names.add(inner[1]);
  if (topic.drug) {
    names.add(topic.drug.generic);
    for (const brand of [...topic.drug.brands.us, ...topic.drug.brands.uk]) names.add(brand);
  }
  return [...names];
}
