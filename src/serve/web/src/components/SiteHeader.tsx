import { signedInRole } from '../lib/signed-in';
import { Link } from './Link';

export function SiteHeader({ pathname }: { pathname: string }) {
  const current = (path: string) => (pathname === path ? ('page' as const) : undefined);
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <div className="site-header-inner">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            V
          </span>
          <span className="brand-name">Vesalius</span>
        </Link>
        <nav aria-label="Main" className="site-nav">
          <Link to="/" aria-current={current('/')}>
            Ask a question
          </Link>
          <Link to="/editorial-policy" aria-current={current('/editorial-policy')}>
            Editorial policy
          </Link>
          {signedInRole() && (
            <Link to="/review" aria-current={current('/review')}>
              Review
            </Link>
          )}
        </nav>
      </div>
    </header>
  );
}
