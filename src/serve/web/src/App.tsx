import { useEffect, useState } from 'react';
import { navigate } from './api';
import { ArticlePage } from './ArticlePage';
import { EditorialPolicy } from './EditorialPolicy';
import { HomePage } from './HomePage';

function usePath(): string {
  const [path, setPath] = useState(window.location.pathname);
  useEffect(() => {
    const update = () => setPath(window.location.pathname);
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return path;
}

export function App() {
  const path = usePath();
  const articleId = /^\/a\/([\w-]+)$/.exec(path)?.[1];
  let page;
  if (path === '/') page = <HomePage />;
  else if (articleId) page = <ArticlePage key={articleId} id={articleId} />;
  else if (path === '/editorial-policy') page = <EditorialPolicy />;
  else page = <p role="status">This page does not exist. <a href="/">Ask a question</a>.</p>;
  return (
    <>
      <a className="skip" href="#main">Skip to content</a>
      <header className="site-header">
        <nav aria-label="Main">
          <a className="brand" href="/" onClick={(event) => { event.preventDefault(); navigate('/'); }}>Vesalius</a>
          <span className="tagline">Evidence-based clinical answers, every statement cited</span>
          <a href="/editorial-policy" onClick={(event) => { event.preventDefault(); navigate('/editorial-policy'); }}>Editorial policy</a>
        </nav>
      </header>
      <main id="main">{page}</main>
      <footer className="site-footer">
        <p>Vesalius supports clinical judgement; it does not replace it. Content is pending review by the medical advisory board unless marked Approved.</p>
      </footer>
    </>
  );
}
