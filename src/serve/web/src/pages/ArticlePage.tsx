import { useCallback, useEffect, useRef, useState } from 'react';
import { ArticleToolbar } from '../components/ArticleToolbar';
import { ArticleView } from '../components/ArticleView';
import { AudienceSelector } from '../components/AudienceSelector';
import { FollowUpBox } from '../components/FollowUpBox';
import { Link } from '../components/Link';
import { askFollowUp, errorMessage, getArticle, getThread, isAbort } from '../lib/api';
import { rememberedArticle } from '../lib/article-cache';
import { replaceQueryParam } from '../lib/router';
import type { Article, Audience } from '../lib/types';

interface ArticlePageProps {
  id: string;
  /** From ?audience=; null shows the audience the question was asked for. */
  audience: Audience | null;
}

/** An article and its thread of follow-ups (oldest first), with the follow-up box at the bottom. */
export function ArticlePage({ id, audience }: ArticlePageProps) {
  const [items, setItems] = useState<Article[] | null>(() => {
    const cached = rememberedArticle(id, audience);
    return cached ? [cached] : null;
  });
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [focusId, setFocusId] = useState<string | null>(null);
  const shown = useRef(items);
  shown.current = items;

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    setLoading(true);
    setError(null);
    const load = async () => {
      const first = rememberedArticle(id, audience) ?? (await getArticle(id, audience, signal));
      const current = shown.current;
      setItems(
        current?.some((item) => item.threadId === first.threadId)
          ? current.map((item) => (item.id === first.id ? first : item))
          : [first],
      );
      // The whole thread, each article in the same audience as this one.
      const target = audience ?? first.audience;
      const thread = await getThread(first.threadId, signal).catch((caught: unknown) => {
        if (isAbort(caught)) throw caught;
        return [first];
      });
      const list = await Promise.all(
        thread.map((item) =>
          item.id === first.id ? first : item.audience === target ? item : getArticle(item.id, target, signal),
        ),
      );
      if (signal.aborted) return;
      setItems(list.some((item) => item.id === first.id) ? list : [first]);
      // Opened at a follow-up: bring it into view.
      if (!current && list[0] && list[0].id !== first.id) setFocusId(first.id);
    };
    load()
      .catch((caught: unknown) => {
        if (!isAbort(caught)) setError(errorMessage(caught));
      })
      .finally(() => {
        if (!signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [id, audience]);

  const title = items?.[0]?.title;
  useEffect(() => {
    document.title = title ? `${title} · Vesalius` : 'Article · Vesalius';
  }, [title]);

  // Moves focus to a newly added follow-up so keyboard and screen-reader users land on it.
  const focusTitle = useCallback((element: HTMLHeadingElement | null) => {
    if (element) {
      element.focus();
      setFocusId(null);
    }
  }, []);

  if (!items) {
    return error ? (
      <div className="page-message" role="alert">
        <h1>This article could not be shown</h1>
        <p>{error}</p>
        <p>
          <Link to="/">Ask a question</Link>
        </p>
      </div>
    ) : (
      <p className="page-message" role="status">
        Loading the article…
      </p>
    );
  }

  const selected = audience ?? items[0]?.audience ?? 'physician';
  const changeAudience = (next: Audience) => replaceQueryParam('audience', next);

  const askInThread = async (question: string) => {
    const last = items[items.length - 1];
    if (!last) return;
    const created = await askFollowUp(last.id, question, selected);
    let list = [...items, created];
    try {
      const known = new Map(list.map((item) => [item.id, item]));
      const thread = (await getThread(created.threadId)).map((item) => known.get(item.id) ?? item);
      if (thread.some((item) => item.id === created.id)) list = thread;
    } catch {
      // the thread could not be refreshed: show what we have
    }
    setItems(list);
    setFocusId(created.id);
  };

  return (
    <div className="article-page" aria-busy={loading || undefined}>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="thread">
        {items.map((article, index) => (
          <ArticleView
            key={article.id}
            article={article}
            testId="thread-item"
            level={index === 0 ? 1 : 2}
            refPrefix={index === 0 ? '' : `a${index + 1}-`}
            questionLabel={index === 0 ? 'Question' : 'Follow-up question'}
            titleRef={article.id === focusId ? focusTitle : undefined}
            controls={
              index === 0 ? (
                <div className="article-controls">
                  <AudienceSelector name="article-audience" value={selected} onChange={changeAudience} busy={loading} />
                  <ArticleToolbar article={article} />
                </div>
              ) : (
                <div className="article-controls">
                  <ArticleToolbar article={article} />
                </div>
              )
            }
          />
        ))}
      </div>
      {items.some((article) => article.status === 'answered' || article.status === 'emergency') && (
        <FollowUpBox onAsk={askInThread} />
      )}
    </div>
  );
}
