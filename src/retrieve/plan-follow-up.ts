import type { ThreadContext } from '../domain/thread-context.js';
import { analyzeQuestion, type Concept, type QuestionAnalysis } from './analyze-question.js';
import type { TermMatcher } from './term-matcher.js';

export type FollowUpContext = ThreadContext;

export interface FollowUpPlan {
  analysis: QuestionAnalysis;
  /** Topics of the thread, preferred when choosing what the answer is about. */
  preferTopics: string[];
  /** The follow-up's own subject ("pregnancy" in "what about in pregnancy?"): statements must address it. */
  focus: Concept[] | null;
}

const ELLIPTICAL =
  /^(and|what about|how about|what if|in|for|during|with|is it|does it|can it|should it|also|then|same|how long|how often|which one)\b/i;

/**
 * Reads a follow-up in the light of its thread. An elliptical follow-up ("and the dose?",
 * "what about in pregnancy?") is completed with the thread's topic and keeps its question
 * type unless it asks for another; a self-contained question starts afresh.
 */
export function planFollowUp(question: string, context: FollowUpContext | null, lexicon: TermMatcher): FollowUpPlan {
  const own = analyzeQuestion(question, lexicon);
  if (!context) return { analysis: own, preferTopics: [], focus: null };
  const subject = own.concepts.filter((concept) => !concept.typeWord);
  const elliptical = subject.length === 0 || ELLIPTICAL.test(question.trim()) || subject.length <= 2;
  if (!elliptical) return { analysis: own, preferTopics: [], focus: null };
  const completed = analyzeQuestion(`${question} ${context.topicTitle ?? context.question}`, lexicon);
  const type = own.type === 'definition' ? context.questionType : own.type;
  return {
    analysis: { ...completed, text: question, type },
    preferTopics: context.topics,
    focus: subject.length > 0 ? subject : null,
  };
}
