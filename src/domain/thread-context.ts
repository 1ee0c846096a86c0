import type { QuestionFacets } from './question-facets.js';
import type { QuestionType } from './question-type.js';

/** What a follow-up needs to know about the thread it continues. */
export interface ThreadContext {
  question: string;
  questionType: QuestionType;
  topics: string[];
  /** Title of the main topic, used to complete elliptical follow-ups ("and the dose?"). */
  topicTitle: string | null;
  /** The facets the previous answer was built on (its subject, intent, population, numbers). */
  facets?: QuestionFacets;
  /** Drug monographs the previous answer's bottom line named: what "it" and "which one" refer to. */
  answerDrugs?: string[];
}
