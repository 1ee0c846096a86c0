import { STREAM_PATH } from './api';
import type { Article, Audience, Reference, Section } from './types';

/** The stream could not deliver an article; the caller falls back to POST /api/ask. */
class StreamUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StreamUnavailable';
  }
}

/**
 * Asks through POST /api/ask/stream (server-sent events: meta, bottomLine, section…,
 * references, done; the question goes in the body, never in a URL) and reports the article as
 * it grows. Resolves with the whole article.
 */
export async function streamArticle(
  question: string,
  audience: Audience,
  onUpdate: (partial: Article) => void,
  signal: AbortSignal,
): Promise<Article> {
  let response: Response;
  try {
    response = await fetch(STREAM_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ question, audience }),
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new StreamUnavailable('The answer stream failed.');
  }
  if (!response.ok || !response.body)
    throw new StreamUnavailable(`The answer stream failed (HTTP ${response.status}).`);
  let article: Article | null = null;
  const apply = (event: string, data: unknown) => {
    if (event === 'meta') {
      article = {
        ...(data as Omit<Article, 'bottomLine' | 'sections' | 'references'>),
        bottomLine: { text: '', citations: [] },
        sections: [],
        references: [],
      };
    } else if (!article) throw new Error('event before meta');
    else if (event === 'bottomLine') article = { ...article, bottomLine: data as Article['bottomLine'] };
    else if (event === 'section') article = { ...article, sections: [...article.sections, data as Section] };
    else if (event === 'references') article = { ...article, references: data as Reference[] };
    else if (event === 'done') return true;
    if (article) onUpdate(article);
    return false;
  };
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf('\n\n');
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (!event || data === undefined) continue;
      let finished: boolean;
      try {
        finished = apply(event, JSON.parse(data));
      } catch (error) {
        throw new StreamUnavailable(`Malformed ${event} event: ${String(error)}`);
      }
      if (finished && article) {
        await reader.cancel().catch(() => {});
        return article;
      }
    }
  }
  throw new StreamUnavailable('The stream ended without an article.');
}
