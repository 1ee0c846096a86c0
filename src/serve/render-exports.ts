import type { Article, Reference } from '../domain/article.js';
import { reviewNotice } from '../compose/disclaimer.js';

function cite(citations: number[]): string {
  return citations.length > 0 ? ` ${citations.map((n) => `[${n}]`).join('')}` : '';
}

function referenceLine(reference: Reference): string {
  const authors = reference.authors.length > 3 ? [...reference.authors.slice(0, 3), 'et al.'] : reference.authors;
  const parts = [
    authors.join(', ').replace(/\.$/, ''),
    reference.title,
    [reference.journal, reference.year].filter(Boolean).join(', '),
  ].filter(Boolean);
  const ids = [reference.pmid ? `PMID ${reference.pmid}` : '', reference.doi ? `doi:${reference.doi}` : '']
    .filter(Boolean)
    .join('; ');
  return `${parts.join('. ')}.${ids ? ` ${ids}.` : ''}`;
}

/** The article as Markdown: headings, bullets with [n] markers, numbered references, status. */
export function articleToMarkdown(article: Article): string {
  const lines = [`# ${article.title}`, ''];
  if (article.alert) lines.push(`> **Emergency:** ${article.alert}`, '');
  lines.push(
    `*Question:* ${article.question}  `,
    `*For:* ${article.audience} · *Last updated:* ${article.lastUpdated} · *Review:* ${article.reviewStatus} (${reviewNotice(article.reviewStatus)})`,
    '',
  );
  if (article.bottomLine.text)
    lines.push('## Bottom line', '', `${article.bottomLine.text}${cite(article.bottomLine.citations)}`, '');
  for (const section of article.sections) {
    lines.push(`## ${section.heading}`, '');
    for (const bullet of section.bullets) lines.push(`- ${bullet.text}${cite(bullet.citations)}`);
    lines.push('');
  }
  if (article.references.length > 0) {
    lines.push('## References', '');
    for (const reference of article.references) lines.push(`${reference.n}. ${referenceLine(reference)}`);
    lines.push('');
  }
  lines.push(`*${article.disclaimer}*`, '');
  return lines.join('\n');
}

/** Plain text for copying. */
export function articleToText(article: Article): string {
  return articleToMarkdown(article)
    .replace(/^#+ /gm, '')
    .replace(/\*\*?([^*]+)\*\*?/g, '$1')
    .replace(/^> /gm, '');
}

const RIS_TYPES: Record<string, string> = {
  guideline: 'GUIDE',
  'patient-information': 'ELEC',
  'drug-label': 'GOVDOC',
  'drug-database': 'DBASE',
};

/** The references in RIS, for reference managers. */
export function referencesToRis(article: Article): string {
  const records = article.references.map((reference) => {
    const lines = [`TY  - ${RIS_TYPES[reference.kind] ?? 'JOUR'}`, `TI  - ${reference.title}`];
    for (const author of reference.authors) if (author !== 'et al.') lines.push(`AU  - ${author}`);
    if (reference.journal) lines.push(`JO  - ${reference.journal}`);
    if (reference.year) lines.push(`PY  - ${reference.year}`);
    if (reference.doi) lines.push(`DO  - ${reference.doi}`);
    if (reference.pmid) lines.push(`AN  - PMID:${reference.pmid}`);
    if (reference.url) lines.push(`UR  - ${reference.url}`);
    lines.push(
      `N1  - Evidence level ${reference.evidenceLevel}; cited as [${reference.n}] in "${article.title}"`,
      'ER  - ',
    );
    return lines.join('\r\n');
  });
  return `${records.join('\r\n')}\r\n`;
}
