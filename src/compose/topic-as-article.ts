import type { Article, Reference, Section } from '../domain/article.js';
import type { Passage } from '../domain/passage.js';
import type { Source } from '../domain/source.js';
import type { Topic } from '../domain/topic.js';
import { disclaimerFor } from './disclaimer.js';
import { CitationNumbering } from './to-reference.js';
import { SUMMARY_SECTION } from '../domain/section-name.js';

/**
 * A whole knowledge-base topic as an article, every statement with its citations: the
 * document a reviewer checks when the topic itself goes through review.
 */
export function topicAsArticle(
  topic: Topic,
  statements: Passage[],
  sources: Map<string, Source>,
  headings: Record<string, string>,
): Article {
  const numbering = new CitationNumbering();
  const bySection = new Map<string, Section>();
  const summary = statements.filter((statement) => statement.section === SUMMARY_SECTION);
  const bottomLine = {
    text: summary.map((statement) => statement.text).join(' '),
    citations: numbering.number(summary.flatMap((statement) => statement.citations)),
  };
  for (const statement of statements) {
    if (statement.section === SUMMARY_SECTION) continue;
    const heading = headings[statement.section] ?? statement.section;
    const section = bySection.get(heading) ?? { heading, bullets: [] };
    const grade = [statement.grade?.strength, statement.grade?.evidence].filter(Boolean).join('; ');
    section.bullets.push({
      text: statement.text,
      citations: numbering.number(statement.citations),
      evidence: [statement.id],
      ...(grade ? { grade } : {}),
    });
    bySection.set(heading, section);
  }
  const references: Reference[] = numbering.references(sources);
  return {
    question: topic.title,
    status: 'answered',
    questionType: 'definition',
    title: topic.title,
    alert: null,
    bottomLine,
    sections: [...bySection.values()],
    references,
    audience: 'physician',
    reviewStatus: topic.reviewStatus,
    lastUpdated: topic.updated,
    disclaimer: disclaimerFor('physician'),
    topics: [topic.id],
    trace: [],
  };
}
