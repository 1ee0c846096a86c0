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
export function withArticleHead(html: string, article: { title: string; bottomLine: { text: string } }): string {
  const description =
    article.bottomLine.text.length > 200 ? `${article.bottomLine.text.slice(0, 197)}…` : article.bottomLine.text;
  return html
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(article.title)} · Vesalius</title>`)
    .replace(
      /<meta name="description" content="[^"]*"\s*\/?>/,
      `<meta name="description" content="${escapeHtml(description)}" />`,
    );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
