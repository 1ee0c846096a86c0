import type { QuestionAnalysis } from '../retrieve/analyze-question.js';
import { conceptCoverage } from '../retrieve/retrieve-evidence.js';
import { stemToken } from '../text/stem-token.js';
import { tokenize } from '../text/tokenize.js';
import { splitSentences } from './split-sentences.js';

export interface PickedSentence {
  text: string;
  relevance: number;
}

const MIN_CHARS = 30;
const MAX_CHARS = 420;

/**
 * The sentences of a passage that best answer the question: scored by the question's
 * concepts they mention, with a small bonus for coming early; clean, complete sentences only.
 */
export function pickSentences(text: string, analysis: QuestionAnalysis, limit: number): PickedSentence[] {
  const sentences = splitSentences(text).filter((sentence) => isCleanStatement(sentence));
  const scored = sentences.map((sentence, position) => {
    const tokens = new Set(tokenize(sentence).map(stemToken));
    const relevance = conceptCoverage(analysis.concepts, tokens) + Math.max(0, 0.2 - position * 0.04);
    return { text: sentence, relevance, position };
  });
  return scored
    .filter((sentence) => sentence.relevance > 0.15)
    .sort((a, b) => b.relevance - a.relevance)
    .slice(0, limit)
    .sort((a, b) => a.position - b.position)
    .map(({ text: sentence, relevance }) => ({ text: sentence, relevance }));
}

function isCleanStatement(sentence: string): boolean {
  if (sentence.length < MIN_CHARS || sentence.length > MAX_CHARS) return false;
  if (sentence.endsWith('?') || sentence.endsWith(':')) return false;
  if (/^(key points|see also|for more information|these resources|this section|click|references?)\b/i.test(sentence))
    return false;
  if (/https?:\/\/|www\./i.test(sentence)) return false;
  return /^[A-Z0-9("']/.test(sentence);
}
