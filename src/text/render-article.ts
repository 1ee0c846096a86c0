import type { Article, Reference } from '../domain/article.js';
import type { ReviewStatus } from '../domain/review-status.js';
import { stripControls } from './strip-controls.js';

/**
 * The one renderer of an article as Markdown, plain text and RIS, used by the server's
 * exports and the web app's "Copy as text" alike, so what is copied is what is downloaded.
 */

/** What a renderer needs beyond the composed article: where it lives, who approved it. */
export interface RenderableArticle extends Omit<Article, 'trace'> {
  /** The article's address, absolute when known ("https://…/a/<id>"), else its path. */
  permalink?: string;
  reviewedBy?: { name: string; credentials: string; date: string } | null;
}

const STEPS: Record<ReviewStatus, string> = {
  submitted: 'Submitted',
  under_review: 'Under review',
  approved: 'Approved',
};

/** The review line readers see: approved by whom, or the pending notice. */
function reviewLine(article: Pick<RenderableArticle, 'reviewStatus' | 'reviewedBy'>): string {
  if (article.reviewStatus === 'approved')
    return article.reviewedBy
      ? `Approved · reviewed by ${article.reviewedBy.name}, ${article.reviewedBy.credentials} on ${article.reviewedBy.date}`
      : 'Approved · reviewed by the medical advisory board';
  return `${STEPS[article.reviewStatus]} · Educational purpose only · content pending human review`;
}

/** ";12(3):45-67" after the year, as far as the source gives it. */
export function bibliographic(reference: Pick<Reference, 'volume' | 'issue' | 'pages'>): string {
  if (!reference.volume && !reference.pages) return '';
  const volume = reference.volume ? `${reference.volume}${reference.issue ? `(${reference.issue})` : ''}` : '';
  return `;${volume}${reference.pages ? `:${reference.pages}` : ''}`;
}

/** One reference as a line: authors, title, journal, year;volume(issue):pages, identifiers, level. */
function referenceLine(reference: Reference): string {
  const authors = reference.authors.length > 3 ? [...reference.authors.slice(0, 3), 'et al.'] : reference.authors;
  const parts = [
    authors.join(', ').replace(/\.$/, ''),
    reference.title.replace(/\.$/, ''),
    [reference.journal, reference.year].filter(Boolean).join(', ') + bibliographic(reference),
  ].filter(Boolean);
  const ids = [
    reference.pmid ? `PMID ${reference.pmid}` : '',
    reference.doi ? `doi:${reference.doi}` : '',
    reference.url && !reference.pmid && !reference.doi ? reference.url : '',
  ]
    .filter(Boolean)
    .join('; ');
  return `${parts.join('. ')}.${ids ? ` ${ids}.` : ''} Evidence level ${reference.evidenceLevel}.`;
}

function cite(citations: number[]): string {
  return citations.length > 0
    ? ` ${[...citations]
        .sort((a, b) => a - b)
        .map((n) => `[${n}]`)
        .join('')}`
    : '';
}

/**
 * Source text as Markdown text: raw HTML and link syntax are shown, not interpreted, so an
 * ingested title cannot inject markup or a javascript: link into a Markdown viewer.
 */
function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([[\]`*_])/g, '\\$1');
}

function escapedArticle(article: RenderableArticle): RenderableArticle {
  return {
    ...article,
    title: escapeMarkdown(article.title),
    question: escapeMarkdown(article.question),
    alert: article.alert ? escapeMarkdown(article.alert) : null,
    bottomLine: { ...article.bottomLine, text: escapeMarkdown(article.bottomLine.text) },
    sections: article.sections.map((section) => ({
      ...section,
      heading: escapeMarkdown(section.heading),
      bullets: section.bullets.map((bullet) => ({ ...bullet, text: escapeMarkdown(bullet.text) })),
    })),
    references: article.references.map((reference) => ({
      ...reference,
      title: escapeMarkdown(reference.title),
      authors: reference.authors.map(escapeMarkdown),
      journal: reference.journal ? escapeMarkdown(reference.journal) : null,
    })),
  };
}

/** The article as Markdown: headings, bullets with [n] markers, numbered references, review, permalink. */
export function articleToMarkdown(article: RenderableArticle): string {
  return layout(escapedArticle(stripControls(article)));
}

/** The layout shared by Markdown and plain text, over text already made safe for its format. */
function layout(article: RenderableArticle): string {
  const lines = [`# ${article.title}`, ''];
  if (article.alert) lines.push(`> **Emergency:** ${article.alert}`, '');
  lines.push(
    `*Question:* ${article.question}  `,
    `*Written for:* ${article.audience} · *Last updated:* ${article.lastUpdated}  `,
    `*Review:* ${reviewLine(article)}`,
    '',
  );
  if (article.bottomLine.text)
    lines.push('## Bottom line', '', `${article.bottomLine.text}${cite(article.bottomLine.citations)}`, '');
  for (const section of article.sections) {
    lines.push(`## ${section.heading}`, '');
    for (const bullet of section.bullets)
      lines.push(`- ${bullet.text}${cite(bullet.citations)}${bullet.grade ? ` (${bullet.grade})` : ''}`);
    lines.push('');
  }
  if (article.references.length > 0) {
    lines.push('## References', '');
    for (const reference of article.references) lines.push(`${reference.n}. ${referenceLine(reference)}`);
    lines.push('');
  }
  if (article.permalink) lines.push(`Permalink: ${article.permalink}`, '');
  lines.push(`*${article.disclaimer}*`, '');
  return lines.join('\n');
}

/** Plain text (copy and download): the Markdown without its marks. */
export function articleToText(article: RenderableArticle): string {
  return layout(stripControls(article))
    .replace(/^#+ /gm, '')
    .replace(/\*\*?([^*]+)\*\*?/g, '$1')
    .replace(/^> /gm, '')
    .replace(/ {2}$/gm, '');
}

const RIS_TYPES: Record<string, string> = {
  guideline: 'GUIDE',
  'patient-information': 'ELEC',
  'drug-label': 'GOVDOC',
  'drug-database': 'DBASE',
};

/** The references in RIS, for reference managers. */
export function referencesToRis(article: RenderableArticle): string {
  const records = article.references.map((reference) => {
    const lines = [`TY  - ${RIS_TYPES[reference.kind] ?? 'JOUR'}`];
    // One field per line: a line break inside ingested text must not start a field or a record.
    const field = (tag: string, value: string | null | undefined) => {
      const clean = value?.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').trim();
      if (clean) lines.push(`${tag}  - ${clean}`);
    };
    field('TI', reference.title);
    for (const author of reference.authors) if (author !== 'et al.') field('AU', author);
    field('JO', reference.journal);
    field('PY', reference.year ? String(reference.year) : null);
    field('VL', reference.volume);
    field('IS', reference.issue);
    const [start, end] = (reference.pages ?? '').split(/[-–]/);
    field('SP', start);
    field('EP', end);
    field('DO', reference.doi);
    field('AN', reference.pmid ? `PMID:${reference.pmid}` : null);
    field('UR', reference.url);
    field('N1', `Evidence level ${reference.evidenceLevel}; cited as [${reference.n}] in "${article.title}"`);
    if (article.permalink) field('L2', article.permalink);
    lines.push('ER  - ');
    return lines.join('\r\n');
  });
  return `${records.join('\r\n')}\r\n`;
}
