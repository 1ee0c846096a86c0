import type { Article, Section } from '../domain/article.js';
import type { Audience } from '../domain/audience.js';
import type { ReviewStatus } from '../domain/review-status.js';
import { splitSentences } from '../text/split-sentences.js';

/** The parts of an article a review covers. */
export type ReviewedContent = Pick<Article, 'title' | 'bottomLine' | 'sections' | 'references'>;

/** What a reader is shown of an article under review, and how it stands. */
export interface ReviewedView {
  /** Content to show instead of the generated one; null to show the generated article. */
  content: ReviewedContent | null;
  reviewStatus: ReviewStatus;
  reviewedBy: { name: string; credentials: string; date: string } | null;
  needsRereview: boolean;
  /** Set when the approved text, written for another audience, is shown in place of this audience's. */
  approvedAudience: Audience | null;
  /** The day of the approval behind what is shown: an approval is an update. */
  approvedOn?: string;
}

/**
 * The approved content as the reader's audience sees it. The same audience gets the approved
 * version itself. Another audience gets its own wording only where every word of it was in the
 * approved version (the same bottom line; bullets the approved version has, nothing else);
 * otherwise the approved version as written, said to be written for its audience. Content that
 * was not approved is never shown as approved.
 */
export function showApproved(
  shown: Article,
  approved: Article,
): { content: ReviewedContent; approvedAudience: Audience | null } {
  const verbatim = {
    content: pick(approved),
    approvedAudience: shown.audience === approved.audience ? null : approved.audience,
  };
  if (shown.audience === approved.audience || shown.bottomLine.text !== approved.bottomLine.text) return verbatim;
  const texts = new Set(approved.sections.flatMap((section) => section.bullets.map((bullet) => bullet.text)));
  const sections = keepBullets(shown.sections, texts);
  if (sections.length === 0) return verbatim;
  return { content: { ...pick(shown), title: approved.title, sections }, approvedAudience: null };
}

/**
 * Whether a generated article says only what approved topic versions say: each bullet is an
 * approved statement, and the bottom line is made of approved statements alone.
 */
export function coveredBy(shown: Article, approvedTopics: Article[]): boolean {
  // Topic bottom lines join several statements: approved text is any part of what the topics say.
  const corpus = approvedTopics
    .flatMap((topic) => [
      topic.bottomLine.text,
      ...topic.sections.flatMap((section) => section.bullets.map((b) => b.text)),
    ])
    .join('\n');
  const bullets = shown.sections.flatMap((section) => section.bullets);
  if (!bullets.every((bullet) => corpus.includes(bullet.text))) return false;
  // Every sentence of the bottom line, so a calculated or joined sentence nobody approved fails.
  return splitSentences(shown.bottomLine.text).every((sentence) => corpus.includes(sentence));
}

function keepBullets(sections: Section[], texts: Set<string>): Section[] {
  return sections
    .map((section) => ({ ...section, bullets: section.bullets.filter((bullet) => texts.has(bullet.text)) }))
    .filter((section) => section.bullets.length > 0);
}

function pick(article: Article): ReviewedContent {
  return {
    title: article.title,
    bottomLine: article.bottomLine,
    sections: article.sections,
    references: article.references,
  };
}
