/** Pages the web app renders; anything else is a 404 (the app still shows its "not found" page). */
const CLIENT_PAGES = [
  /^\/$/,
  /^\/index\.html$/,
  /^\/editorial-policy$/,
  /^\/review$/,
  /^\/review\/sign-in$/,
  /^\/review\/d\/[^/]+$/,
];

/** Whether a path is one of the web app's pages (an article permalink is checked separately). */
export function isClientPage(path: string): boolean {
  return CLIENT_PAGES.some((page) => page.test(path));
}

/** The article id in a permalink path ("/a/<id>"), or null. */
export function permalinkId(path: string): string | null {
  const match = /^\/a\/([^/]+)$/.exec(path);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/**
 * The web app's page with the article's own title and description in its head, so a shared or
 * indexed permalink names its article before any script runs.
 */
export function withArticleHead(html: string, article: ServerArticle): string {
  const description =
    article.bottomLine.text.length > 200 ? `${article.bottomLine.text.slice(0, 197)}…` : article.bottomLine.text;
  return html
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(article.title)} · Vesalius</title>`)
    .replace(
      /<meta name="description" content="[^"]*"\s*\/?>/,
      `<meta name="description" content="${escapeHtml(description)}" />`,
    )
    .replace('<div id="root"></div>', `<div id="root">${articleBody(article)}</div>`);
}

/** What the server renders of an article: enough to read and index it before the app starts. */
export interface ServerArticle {
  title: string;
  question: string;
  bottomLine: { text: string; citations: number[] };
  sections: Array<{ heading: string; bullets: Array<{ text: string; citations: number[] }> }>;
  references: Array<{ n: number; title: string; journal: string | null; year: number | null }>;
  reviewStatus: string;
  lastUpdated: string;
  disclaimer: string;
}

/**
 * The article as plain semantic HTML (the app replaces it when its script runs): title, review
 * line, question, bottom line, sections and references, every string escaped.
 */
function articleBody(article: ServerArticle): string {
  const marks = (citations: number[]) => (citations.length > 0 ? ` [${citations.join('][')}]` : '');
  const review =
    article.reviewStatus === 'approved'
      ? 'Approved by the medical advisory board'
      : 'Educational purpose only · content pending human review';
  const sections = article.sections
    .map(
      (section) =>
        `<section><h2>${escapeHtml(section.heading)}</h2><ul>${section.bullets
          .map((bullet) => `<li>${escapeHtml(bullet.text)}${marks(bullet.citations)}</li>`)
          .join('')}</ul></section>`,
    )
    .join('');
  const references = article.references
    .map(
      (reference) =>
        `<li value="${reference.n}">${escapeHtml(reference.title)}${reference.journal ? `. ${escapeHtml(reference.journal)}` : ''}${reference.year ? `, ${reference.year}` : ''}.</li>`,
    )
    .join('');
  return `<main id="main" class="server-article"><article><h1>${escapeHtml(article.title)}</h1><p>${review} · Last updated ${escapeHtml(article.lastUpdated)}</p><p>Question: ${escapeHtml(article.question)}</p><section><h2>Bottom line</h2><p>${escapeHtml(article.bottomLine.text)}${marks(article.bottomLine.citations)}</p></section>${sections}${references ? `<section><h2>References</h2><ol>${references}</ol></section>` : ''}<p>${escapeHtml(article.disclaimer)}</p></article></main>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
