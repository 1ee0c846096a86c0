import { useEffect, useRef, type ReactNode } from 'react';
import { SiteFooter } from './components/SiteFooter';
import { SiteHeader } from './components/SiteHeader';
import { ArticlePage } from './pages/ArticlePage';
import { EditorialPolicyPage } from './pages/EditorialPolicyPage';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ReviewDocumentPage } from './pages/ReviewDocumentPage';
import { ReviewQueuePage, ReviewSignInPage } from './pages/ReviewPages';
import { useLocation } from './lib/router';
import { isAudience } from './lib/types';

function pageFor(pathname: string, search: URLSearchParams): ReactNode {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '/' || path === '/index.html') return <HomePage />;
  if (path === '/editorial-policy') return <EditorialPolicyPage />;
  if (path === '/review/sign-in') return <ReviewSignInPage />;
  if (path === '/review') return <ReviewQueuePage />;
  const reviewing = /^\/review\/d\/([^/]+)$/.exec(path);
  if (reviewing?.[1]) return <ReviewDocumentPage key={reviewing[1]} id={decodeURIComponent(reviewing[1])} />;
  const match = /^\/a\/([^/]+)$/.exec(path);
  if (match?.[1]) {
    let id: string;
    try {
      id = decodeURIComponent(match[1]);
    } catch {
      return <NotFoundPage />;
    }
    const audience = search.get('audience');
    return <ArticlePage key={id} id={id} audience={isAudience(audience) ? audience : null} />;
  }
  return <NotFoundPage />;
}

/** The app shell: header, the page for the current path, footer. Routing is by location.pathname. */
export function App() {
  const { pathname, search } = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // On navigation, start at the top and move focus to the new page's content.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the effect runs on navigation, which pathname signals
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    main.current?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <>
      <SiteHeader pathname={pathname} />
      <main id="main" ref={main} tabIndex={-1} className="site-main">
        {pageFor(pathname, search)}
      </main>
      <SiteFooter />
    </>
  );
}
