import { useEffect, useState, type FormEvent } from 'react';
import { Link } from '../components/Link';
import { navigate } from '../lib/router';
import { currentReviewer, reviewQueue, signIn, signOut, type Reviewer, type ReviewDocument } from '../lib/review-api';

/** The reviewer's sign-in form; on success, the review queue. */
export function ReviewSignInPage() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await signIn(username, password);
      navigate('/review');
    } catch (reason) {
      setError((reason as Error).message);
    }
  };
  return (
    <section className="review-page" aria-labelledby="signin-title">
      <h1 id="signin-title">Reviewer sign-in</h1>
      <form onSubmit={submit} className="signin-form">
        <label htmlFor="username">Username</label>
        <input
          id="username"
          data-testid="signin-username"
          autoComplete="username"
          value={username}
          onChange={(event) => setUsername(event.target.value)}
          required
        />
        <label htmlFor="password">Password</label>
        <input
          id="password"
          data-testid="signin-password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          required
        />
        <button type="submit" data-testid="signin-submit">
          Sign in
        </button>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}

/** The review queue, oldest first, filtered by state and specialty. */
export function ReviewQueuePage() {
  const [reviewer, setReviewer] = useState<Reviewer | null | undefined>(undefined);
  const [items, setItems] = useState<
    Array<{ document: ReviewDocument; version: { number: number; state: string; createdAt: string } }>
  >([]);
  const [state, setState] = useState('');
  const [specialty, setSpecialty] = useState('');
  const [page, setPage] = useState(1);
  const [hasMore, setHasMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void currentReviewer().then(setReviewer);
  }, []);
  useEffect(() => {
    if (!reviewer) return;
    reviewQueue(state || undefined, specialty.trim() || undefined, page).then(
      (body) => {
        setItems(body.queue);
        setHasMore(body.hasMore);
      },
      (reason: Error) => setError(reason.message),
    );
  }, [reviewer, state, specialty, page]);
  if (reviewer === undefined) return <p role="status">Loading…</p>;
  if (reviewer === null)
    return (
      <p>
        Please <Link to="/review/sign-in">sign in</Link> to review.
      </p>
    );
  return (
    <section className="review-page" aria-labelledby="queue-title">
      <h1 id="queue-title">Review queue</h1>
      <p>
        Signed in as {reviewer.displayName} ({reviewer.role}).{' '}
        <button
          type="button"
          className="link-button"
          data-testid="sign-out"
          onClick={() => void signOut().then(() => navigate('/review/sign-in'))}
        >
          Sign out
        </button>
      </p>
      <div className="queue-filters">
        <label>
          State{' '}
          <select
            value={state}
            onChange={(event) => {
              setState(event.target.value);
              setPage(1);
            }}
          >
            <option value="">Open</option>
            <option value="submitted">Submitted</option>
            <option value="under_review">Under review</option>
            <option value="changes_requested">Changes requested</option>
            <option value="approved">Approved</option>
          </select>
        </label>
        <label>
          Specialty{' '}
          <input
            value={specialty}
            onChange={(event) => {
              setSpecialty(event.target.value);
              setPage(1);
            }}
            placeholder="e.g. pulmonology"
          />
        </label>
      </div>
      {error && <p role="alert">{error}</p>}
      {items.length === 0 ? (
        <p data-testid="queue-empty">Nothing waiting.</p>
      ) : (
        <div className="table-scroll">
          <table className="queue">
            <thead>
              <tr>
                <th scope="col">Article</th>
                <th scope="col">Version</th>
                <th scope="col">State</th>
                <th scope="col">Specialty</th>
                <th scope="col">Submitted</th>
              </tr>
            </thead>
            <tbody>
              {items.map(({ document, version }) => (
                <tr key={document.id} data-testid="queue-item">
                  <td>
                    <Link to={`/review/d/${encodeURIComponent(document.id)}`}>{document.title}</Link>
                    {document.needsRereview && <span className="badge"> needs re-review</span>}
                  </td>
                  <td>v{version.number}</td>
                  <td>{version.state.replace('_', ' ')}</td>
                  <td>{document.specialty ?? '—'}</td>
                  <td>
                    <time dateTime={version.createdAt}>{version.createdAt.slice(0, 10)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(page > 1 || hasMore) && (
        <nav className="queue-pages" aria-label="Queue pages">
          <button type="button" className="button-secondary" disabled={page === 1} onClick={() => setPage(page - 1)}>
            ← Previous
          </button>{' '}
          <span>Page {page}</span>{' '}
          <button type="button" className="button-secondary" disabled={!hasMore} onClick={() => setPage(page + 1)}>
            Next →
          </button>
        </nav>
      )}
    </section>
  );
}
