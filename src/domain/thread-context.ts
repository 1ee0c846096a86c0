import type { QuestionType } from './question-type.js';

/** What a follow-up needs to know about the thread it continues. */
export interface ThreadContext {
  question: string;
  questionType: QuestionType;
  topics: string[];
  /** Title of the main topic, used to complete elliptical follow-ups ("and the dose?"). */
  topicTitle: string | null;
}
