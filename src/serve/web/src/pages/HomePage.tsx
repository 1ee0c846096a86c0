import { useEffect, useRef, useState } from 'react';
import { ArticleView } from '../components/ArticleView';
import { AskBox } from '../components/AskBox';
import { AudienceSelector } from '../components/AudienceSelector';
import { ExampleQuestions } from '../components/ExampleQuestions';
import { Link } from '../components/Link';
import { RecentQuestions } from '../components/RecentQuestions';
import { ask as askOnce, errorMessage, isAbort } from '../lib/api';
import { rememberArticle } from '../lib/article-cache';
import { DEFAULT_AUDIENCE } from '../lib/audiences';
import { navigate } from '../lib/router';
import { rememberQuestion } from '../lib/own-history';
import { streamArticle } from '../lib/stream-article';
import { isAudience, type Article, type Audience } from '../lib/types';

const AUDIENCE_KEY = 'vesalius.audience';

function savedAudience(): Audience {
  try {
    const saved = window.localStorage.getItem(AUDIENCE_KEY);
    return isAudience(saved) ? saved : DEFAULT_AUDIENCE;
  } catch {
    return DEFAULT_AUDIENCE;
  }
}

export function HomePage() {
  const [question, setQuestion] = useState('');
  const [audience, setAudience] = useState<Audience>(savedAudience);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<Article | null>(null);
  const pending = useRef<AbortController | null>(null);

  useEffect(() => {
    document.title = 'Vesalius · evidence-based clinical answers';
    return () => pending.current?.abort();
  }, []);

  const chooseAudience = (next: Audience) => {
    setAudience(next);
    try {
      window.localStorage.setItem(AUDIENCE_KEY, next);
    } catch {
      // storage may be disabled; the choice still applies to this page
    }
  };

  const ask = async (raw: string) => {
    const text = raw.trim();
    if (!text) {
      setError('Type a question first.');
      return;
    }
    if (busy) return;
    pending.current?.abort();
    const controller = new AbortController();
    pending.current = controller;
    setQuestion(raw);
    setBusy(true);
    setError(null);
    setPreview(null);
    try {
      let article: Article;
      try {
        // Streamed so the article appears as it is composed; plain POST if streaming fails.
        article = await streamArticle(text, audience, setPreview, controller.signal);
      } catch (streamError) {
        if (isAbort(streamError)) throw streamError;
        article = await askOnce(text, audience);
      }
      if (controller.signal.aborted) return;
      rememberArticle(article);
      rememberQuestion(article);
      navigate(`/a/${encodeURIComponent(article.id)}${audience === DEFAULT_AUDIENCE ? '' : `?audience=${audience}`}`);
    } catch (caught) {
      if (isAbort(caught)) return;
      setError(errorMessage(caught));
      setPreview(null);
      setBusy(false);
    }
  };

  return (
    <div className="home">
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title" className="hero-title">
          Vesalius
        </h1>
        <p className="tagline">
          Evidence-based answers to clinical questions, in which every statement cites a guideline or study you can
          check.
        </p>
        <AskBox value={question} onChange={setQuestion} onAsk={(value) => void ask(value)} busy={busy} error={error} />
        <AudienceSelector name="home-audience" value={audience} onChange={chooseAudience} />
        <p className="ask-progress" role="status">
          {busy ? 'Searching the evidence and composing the answer…' : ''}
        </p>
      </section>
      {preview && (
        <section className="preview" aria-label="Answer being composed" aria-busy="true">
          <ArticleView article={preview} level={2} partial />
        </section>
      )}
      <div className="home-columns">
        <ExampleQuestions onAsk={(value) => void ask(value)} disabled={busy} />
        <RecentQuestions />
      </div>
      <p className="home-note">
        Educational purpose only · content pending human review by the medical advisory board. Read how content is
        sourced and reviewed in the <Link to="/editorial-policy">editorial policy</Link>.
      </p>
    </div>
  );
}
