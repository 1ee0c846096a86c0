import { AUDIENCE_LABELS } from './audiences';
import { PENDING_REVIEW_NOTICE, REVIEW_STEPS, citationMarks, formatAuthors } from './format';
import type { Article, Reference } from './types';

function referenceLine(reference: Reference): string {
  const parts = [
    formatAuthors(reference.authors),
    reference.title,
    [reference.journal, reference.year].filter(Boolean).join(', '),
  ].filter((part) => part !== '');
  const ids = [reference.pmid ? `PMID ${reference.pmid}` : '', reference.doi ? `doi:${reference.doi}` : '']
    .filter(Boolean)
    .join('; ');
  const line = parts.map((part) => part.replace(/\.$/, '')).join('. ');
  return `${reference.n}. ${line}.${ids ? ` ${ids}.` : ''} Evidence level ${reference.evidenceLevel}.`;
}

function cite(citations: number[]): string {
  return citations.length > 0 ? ` ${citationMarks(citations)}` : '';
}

/** The article as plain text, for "Copy as text". */
export function articleToText(article: Article): string {
  const lines: string[] = [article.title.toUpperCase(), ''];
  if (article.alert) lines.push(`EMERGENCY: ${article.alert}`, '');
  lines.push(
    `Question: ${article.question}`,
    `Written for: ${AUDIENCE_LABELS[article.audience] ?? article.audience}`,
    '',
  );
  if (article.bottomLine.text)
    lines.push('Bottom line', `${article.bottomLine.text}${cite(article.bottomLine.citations)}`, '');
  for (const section of article.sections) {
    lines.push(section.heading);
    for (const bullet of section.bullets)
      lines.push(`- ${bullet.text}${cite(bullet.citations)}${bullet.grade ? ` (${bullet.grade})` : ''}`);
    lines.push('');
  }
  if (article.references.length > 0) {
    lines.push('References');
    for (const reference of article.references) lines.push(referenceLine(reference));
    lines.push('');
  }
  const step =
    REVIEW_STEPS.find((candidate) => candidate.status === article.reviewStatus)?.label ?? article.reviewStatus;
  const reviewer =
    article.reviewStatus === 'approved' && article.reviewedBy
      ? `Reviewed by ${article.reviewedBy.name}, ${article.reviewedBy.credentials} on ${article.reviewedBy.date}`
      : '';
  lines.push(
    `Review status: ${step}. ${reviewer || (article.reviewStatus === 'approved' ? '' : PENDING_REVIEW_NOTICE)}`.trim(),
  );
  lines.push(`Last updated ${article.lastUpdated}`, '', article.disclaimer, '');
  return lines.join('\n');
}
