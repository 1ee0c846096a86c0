import { useEffect, useState } from 'react';
import { api, type Article, type Audience } from './api';
import { ArticleView } from './ArticleView';
import { AudienceSelector } from './AudienceSelector';
import { FollowUpBox } from './FollowUpBox';

function audienceFromUrl(): Audience | undefined {
  const value = new URLSearchParams(window.location.search).get('audience');
  return value === 'physician' || value === 'nurse' || value === 'pharmacist' || value === 'student' || value === 'patient' ? value : undefined;
}

/** An article with its audience selector, its thread of follow-ups and the follow-up box. */
export function ArticlePage({ id }: { id: string }) {
  const [article, setArticle] = useState<Article | null>(null);
  const [thread, setThread] = useState<Article[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [audience, setAudience] = useState<Audience | undefined>(audienceFromUrl());

  useEffect(() => {
    let live = true;
    api.article(id, audience)
      .then((loaded) => {
        if (!live) return;
        setArticle(loaded);
        document.title = `${loaded.title || loaded.question} · Vesalius`;
        return api.thread(loaded.threadId).then((body) => live && setThread(body.articles));
      })
      .catch((reason: Error) => live && setError(reason.message));
    return () => {
      live = false;
    };
  }, [id, audience]);

  const chooseAudience = (next: Audience) => {
    const url = new URL(window.location.href);
    url.searchParams.set('audience', next);
    window.history.replaceState({}, '', url);
    setAudience(next);
  };

  if (error) return <p role="alert" className="notice">{error}</p>;
  if (!article) return <p role="status">Loading…</p>;
  const others = thread.filter((item) => item.id !== article.id);
  return (
    <div className="article-page">
      <AudienceSelector value={article.audience} onChange={chooseAudience} />
      <div data-testid="thread-item" className="thread-item current">
        <ArticleView article={article} />
      </div>
      {others.length > 0 && (
        <section aria-label="Follow-up questions" className="thread">
          <h2>Follow-up questions</h2>
          {others.map((item) => (
            <div key={item.id} data-testid="thread-item" className="thread-item">
              <p className="asked">You asked: {item.question}</p>
              <ArticleView article={item} headingLevel={2} tools={false} />
            </div>
          ))}
        </section>
      )}
      <FollowUpBox onAsk={async (question) => {
        const answer = await api.followUp(others.length > 0 ? others[others.length - 1]!.id : article.id, question);
        setThread((items) => [...items, answer]);
      }} />
    </div>
  );
}
