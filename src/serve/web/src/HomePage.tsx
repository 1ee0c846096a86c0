import { useEffect, useState } from 'react';
import { api, navigate, type Article, type Audience } from './api';
import { ArticleView } from './ArticleView';
import { AskBox } from './AskBox';
import { AudienceSelector } from './AudienceSelector';

const EXAMPLES = [
  'What is the treatment approach for ILD with an NSIP pattern and elevated IgE?',
  'How should type 2 diabetes be managed in a patient with chronic kidney disease?',
  'How is alcohol withdrawal syndrome treated?',
  'What can I do to keep my asthma under control?',
];

/** Streams the answer (server-sent events) so it appears part by part; falls back to one request. */
function streamAnswer(question: string, audience: Audience, onPart: (article: Partial<Article>) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    if (typeof EventSource === 'undefined') {
      api.ask(question, audience).then((article) => resolve(article.id), reject);
      return;
    }
    const source = new EventSource(`/api/ask/stream?question=${encodeURIComponent(question)}&audience=${audience}`);
    let article: Partial<Article> = { sections: [], references: [] };
    const on = (event: string, apply: (data: never) => void) => source.addEventListener(event, (message) => apply(JSON.parse((message as MessageEvent<string>).data) as never));
    on('meta', (meta: Partial<Article>) => onPart((article = { ...article, ...meta })));
    on('bottomLine', (bottomLine: Article['bottomLine']) => onPart((article = { ...article, bottomLine })));
    on('section', (section: Article['sections'][number]) => onPart((article = { ...article, sections: [...(article.sections ?? []), section] })));
    on('references', (references: Article['references']) => onPart((article = { ...article, references })));
    on('done', (done: { id: string }) => {
      source.close();
      resolve(done.id);
    });
    source.onerror = () => {
      source.close();
      api.ask(question, audience).then((answer) => resolve(answer.id), reject);
    };
  });
}

export function HomePage() {
  const [question, setQuestion] = useState('');
  const [audience, setAudience] = useState<Audience>('physician');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [partial, setPartial] = useState<Partial<Article> | null>(null);
  const [recent, setRecent] = useState<Array<{ id: string; permalink: string; question: string }>>([]);

  useEffect(() => {
    document.title = 'Vesalius · evidence-based clinical answers';
    api.recent(8).then((body) => setRecent(body.articles)).catch(() => setRecent([]));
  }, []);

  const ask = async (text = question) => {
    if (!text.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const id = await streamAnswer(text.trim(), audience, setPartial);
      navigate(`/a/${id}${audience === 'physician' ? '' : `?audience=${audience}`}`);
    } catch (reason) {
      setError((reason as Error).message);
      setBusy(false);
    }
  };

  const preview = partial?.title && partial.bottomLine ? ({ sections: [], references: [], ...partial } as Article) : null;
  return (
    <div className="home">
      <h1 className="home-title">Clinical questions, answered from the evidence</h1>
      <p className="lede">Every statement cites a guideline or study you can open. Works offline; content is pending review by our medical advisory board.</p>
      <AudienceSelector value={audience} onChange={setAudience} />
      <AskBox value={question} onChange={setQuestion} onSubmit={() => void ask()} busy={busy} />
      {error && <p role="alert" className="notice">{error}</p>}
      {preview && busy && <div aria-live="polite" className="preview"><ArticleView article={preview} tools={false} /></div>}
      <section aria-label="Example questions" className="examples">
        <h2>Try an example</h2>
        <ul>
          {EXAMPLES.map((example) => (
            <li key={example}>
              <button type="button" className="link-button" data-testid="example-question" onClick={() => { setQuestion(example); void ask(example); }}>{example}</button>
            </li>
          ))}
        </ul>
      </section>
      {recent.length > 0 && (
        <section aria-label="Recently asked" className="recent">
          <h2>Recently asked</h2>
          <ul>
            {recent.map((item) => (
              <li key={item.id}><a href={item.permalink} onClick={(event) => { event.preventDefault(); navigate(item.permalink); }}>{item.question}</a></li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
