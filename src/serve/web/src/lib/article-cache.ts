import type { Article, Audience } from './types';

/** Articles the home page just received, so the article page can show them without asking again. */
const recent = new Map<string, Article>();

export function rememberArticle(article: Article): void {
  recent.set(article.id, article);
  if (recent.size > 20) {
    const oldest = recent.keys().next().value;
    if (oldest !== undefined) recent.delete(oldest);
  }
}

export function rememberedArticle(id: string, audience: Audience | null): Article | undefined {
  const article = recent.get(id);
  return article && (audience === null || article.audience === audience) ? article : undefined;
}
