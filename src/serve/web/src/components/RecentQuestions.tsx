import { useState } from 'react';
import { clearHistory, ownHistory } from '../lib/own-history';
import type { ArticleSummary } from '../lib/types';
import { Link } from './Link';

const STATUS_NOTES: Record<ArticleSummary['status'], string> = {
  answered: '',
  emergency: 'Emergency',
  insufficient_evidence: 'Insufficient evidence',
  out_of_scope: 'Out of scope',
};

/** Questions asked from this browser (kept in the browser only), as links to their articles. */
export function RecentQuestions() {
  const [articles, setArticles] = useState<ArticleSummary[]>(() => ownHistory());

  if (!articles || articles.length === 0) return null;
  return (
    <nav className="recent" aria-labelledby="recent-heading">
      <h2 id="recent-heading" className="small-heading">
        Your recent questions
      </h2>
      <ul className="recent-list">
        {articles.map((article) => (
          <li key={article.id}>
            <Link to={`/a/${encodeURIComponent(article.id)}`}>{article.question}</Link>
            {STATUS_NOTES[article.status] && <span className="recent-note"> · {STATUS_NOTES[article.status]}</span>}
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="link-button"
        onClick={() => {
          clearHistory();
          setArticles([]);
        }}
      >
        Clear (kept only in this browser)
      </button>
    </nav>
  );
}
