import { useEffect } from 'react';
import { Link } from '../components/Link';

export function NotFoundPage() {
  useEffect(() => {
    document.title = 'Page not found · Vesalius';
  }, []);
  return (
    <div className="page-message">
      <h1>Page not found</h1>
      <p>
        There is no page at this address. It may have been mistyped, or the article may have been asked on another
        server.
      </p>
      <p>
        <Link to="/">Ask a question</Link> or read the <Link to="/editorial-policy">editorial policy</Link>.
      </p>
    </div>
  );
}
