import type { QuestionType } from './question-type.js';

/** A grade as the source states it ("strong", "conditional"; "moderate", "B"...). */
interface Grade {
  strength?: string;
  evidence?: string;
}

/**
 * The unit of evidence: one retrievable piece of text from one source. `citations`
 * lists the sources that support it: the source itself for a corpus passage, the
 * publications a knowledge-base statement cites.
 */
export interface Passage {
  id: string;
  sourceId: string;
  /** Section label: a heading of the source or of the knowledge-base topic. */
  section: string;
  text: string;
  /** Ordinal within the source, for stable ordering. */
  ord: number;
  citations: string[];
  /** Question types this passage answers, when known or inferred. */
  answers: QuestionType[];
  /** Title shown and searched with the passage (topic, focus, article title). */
  title: string;
  /** Extra searchable words: synonyms, MeSH terms, abbreviations. */
  keywords: string;
  topicId?: string;
  grade?: Grade;
  year?: number;
}
