import type { Article } from '../domain/article.js';
import type { User } from '../domain/editorial.js';
import { rulesDocumentId, topicDocumentId } from '../domain/ids.js';
import type { ReviewService } from './review-service.js';
import { rulesAsArticle } from './rules-as-article.js';

/** A knowledge-base topic as a reviewable article, with the specialty its queue is filtered by. */
export interface TopicToReview {
  topicId: string;
  article: Article;
  specialty: string | null;
}

/** A clinical-rules file as read from knowledge/rules/. */
export interface RulesFileToReview {
  file: string;
  text: string;
  /** ISO date the file last changed. */
  updated: string;
}

/**
 * Submits every knowledge-base topic (`topic:<id>`) and clinical-rules file (`rules:<name>`)
 * not yet in review, so the built-in content goes through the same review as answers.
 * Returns how many of each were added; those already in review are left as they are.
 */
export async function importKnowledgeForReview(
  review: ReviewService,
  knowledge: { topics: TopicToReview[]; rules: RulesFileToReview[] },
  submitter: User,
): Promise<{ topics: number; rules: number }> {
  let topics = 0;
  for (const { topicId, article, specialty } of knowledge.topics) {
    const id = topicDocumentId(topicId);
    if (await review.exists(id)) continue;
    await review.submit(article, { id, kind: 'topic', specialty }, submitter);
    topics += 1;
  }
  let rules = 0;
  for (const { file, text, updated } of knowledge.rules) {
    const id = rulesDocumentId(file);
    if (await review.exists(id)) continue;
    await review.submit(rulesAsArticle(file, text, updated), { id, kind: 'rules', specialty: null }, submitter);
    rules += 1;
  }
  return { topics, rules };
}
