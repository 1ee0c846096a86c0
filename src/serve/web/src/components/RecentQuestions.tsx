import { useEffect, useState } from 'react';
import { isAbort, recentArticles } from '../lib/api';
import type { ArticleSummary } from '../lib/types';
import { Link } from './Link';

const STATUS_NOTES: Record<ArticleSummary['status'], string> = {
  answered: '',
  emergency: 'Emergency',
  insufficient_evidence: 'Insufficient evidence',
  out_of_scope: 'Out of scope',
};

/** Recently asked questions, as links to their articles. */
export function RecentQuestions() {
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    recentArticles(8, controller.signal)
      .then(setArticles)
      .catch((error: unknown) => {
        if (!isAbort(error)) setArticles([]);
      });
    return () => controller.abort();
  }, []);

  if (!articles || articles.length === 0) return null;
  return (
    <nav className="recent" aria-labelledby="recent-heading">
      <h2 id="recent-heading" className="small-heading">
        Recently asked
      </h2>
      <ul className="recent-list">
        {articles.map((article) => (
          <li key={article.id}>
            <Link to={`/a/${encodeURIComponent(article.id)}`}>{article.question}</Link>
            {STATUS_NOTES[article.status] && <span className="recent-note"> · {STATUS_NOTES[article.status]}</span>}
          </li>
        ))}
      </ul>
    </nav>
  );
}
