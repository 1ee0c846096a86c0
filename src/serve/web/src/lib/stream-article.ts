import { streamUrl } from './api';
import type { Article, Audience, Reference, Section } from './types';

/** The stream could not deliver an article; the caller falls back to POST /api/ask. */
export class StreamUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StreamUnavailable';
  }
}

/** Questions longer than this are sent with POST, since they would make the URL too long. */
const MAX_STREAMED_QUESTION = 1500;

/**
 * Asks through GET /api/ask/stream (server-sent events: meta, bottomLine, section…,
 * references, done) and reports the article as it grows. Resolves with the whole article.
 */
export function streamArticle(
  question: string,
  audience: Audience,
  onUpdate: (partial: Article) => void,
  signal: AbortSignal,
): Promise<Article> {
  return new Promise<Article>((resolve, reject) => {
    if (typeof EventSource === 'undefined' || question.length > MAX_STREAMED_QUESTION) {
      reject(new StreamUnavailable('Streaming is not available.'));
      return;
    }
    const source = new EventSource(streamUrl(question, audience));
    let article: Article | null = null;
    let finished = false;
    const finish = (outcome: () => void) => {
      if (finished) return;
      finished = true;
      source.close();
      signal.removeEventListener('abort', onAbort);
      outcome();
    };
    const onAbort = () => finish(() => reject(new DOMException('Aborted', 'AbortError')));
    signal.addEventListener('abort', onAbort);

    const on = (event: string, apply: (data: unknown) => void) =>
      source.addEventListener(event, (message) => {
        if (finished) return;
        try {
          apply(JSON.parse((message as MessageEvent<string>).data));
        } catch (error) {
          finish(() => reject(new StreamUnavailable(`Malformed ${event} event: ${String(error)}`)));
        }
      });
    const update = (change: (current: Article) => Article) => {
      if (!article) throw new Error('event before meta');
      article = change(article);
      onUpdate(article);
    };

    on('meta', (data) => {
      article = {
        ...(data as Omit<Article, 'bottomLine' | 'sections' | 'references'>),
        bottomLine: { text: '', citations: [] },
        sections: [],
        references: [],
      };
      onUpdate(article);
    });
    on('bottomLine', (data) => update((current) => ({ ...current, bottomLine: data as Article['bottomLine'] })));
    on('section', (data) => update((current) => ({ ...current, sections: [...current.sections, data as Section] })));
    on('references', (data) => update((current) => ({ ...current, references: data as Reference[] })));
    on('done', () => {
      const complete = article;
      finish(() =>
        complete ? resolve(complete) : reject(new StreamUnavailable('The stream ended without an article.')),
      );
    });
    // EventSource reports a failed connection, an HTTP error or a dropped stream the same way.
    source.addEventListener('error', () => finish(() => reject(new StreamUnavailable('The answer stream failed.'))));
  });
}
