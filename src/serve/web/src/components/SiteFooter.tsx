import { Link } from './Link';

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="site-footer-inner">
        <p>
          Vesalius summarises published guidelines and studies for education. It is not a substitute for professional
          medical judgement. In an emergency, call your local emergency number.
        </p>
        <nav aria-label="Footer">
          <Link to="/editorial-policy">Editorial policy</Link>
          <Link to="/">Ask a question</Link>
        </nav>
      </div>
    </footer>
  );
}
