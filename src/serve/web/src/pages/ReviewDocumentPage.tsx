import { useCallback, useEffect, useState } from 'react';
import { Link } from '../components/Link';
import { reviewAction, reviewComment, reviewDiff, reviewDocument } from '../lib/review-api';

type Loaded = Awaited<ReturnType<typeof reviewDocument>>;

/** One document under review: the newest version's statements with comment boxes, actions, diff and audit. */
export function ReviewDocumentPage({ id }: { id: string }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [diff, setDiff] = useState<Awaited<ReturnType<typeof reviewDiff>>['diff'] | null>(null);
  const reload = useCallback(
    () => reviewDocument(id).then(setLoaded, (reason: Error) => setMessage(reason.message)),
    [id],
  );
  useEffect(() => {
    void reload();
  }, [reload]);
  if (!loaded) return <p role="status">{message ?? 'Loading…'}</p>;
  const { document, versions, comments, audit } = loaded;
  const version = versions.find((entry) => entry.number === document.currentVersion);
  if (!version) return <p role="alert">This document has no versions.</p>;

  const act = async (action: 'start_review' | 'approve' | 'request_changes') => {
    setMessage(null);
    try {
      let current = version;
      if (action !== 'start_review' && current.state === 'submitted')
        current = await reviewAction(id, current.number, 'start_review', current.revision);
      await reviewAction(id, current.number, action, current.revision);
      setMessage(
        action === 'approve'
          ? 'Approved: readers now see this version with your name.'
          : action === 'request_changes'
            ? 'Changes requested.'
            : 'Review started.',
      );
    } catch (reason) {
      setMessage((reason as Error).message);
    }
    await reload();
  };

  const comment = async (section: number, bullet: number, text: string) => {
    await reviewComment(id, version.number, section, bullet, text);
    await reload();
  };

  return (
    <section className="review-page" aria-labelledby="review-title">
      <p>
        <Link to="/review">← Review queue</Link>
      </p>
      <h1 id="review-title">{document.title}</h1>
      <p data-testid="review-state">
        Version {version.number} · {version.state.replace('_', ' ')} · revision {version.revision}
        {document.needsRereview ? ' · needs re-review (a cited source changed)' : ''}
      </p>
      <p>
        <Link to={`/a/${encodeURIComponent(document.id)}`}>Public page</Link>
      </p>
      <div className="review-actions" role="group" aria-label="Review actions">
        <button
          type="button"
          data-testid="review-approve"
          onClick={() => void act('approve')}
          disabled={version.state === 'approved' || version.state === 'retired'}
        >
          Approve
        </button>
        <button
          type="button"
          data-testid="review-request-changes"
          onClick={() => void act('request_changes')}
          disabled={version.state === 'approved' || version.state === 'retired'}
        >
          Request changes
        </button>
        {versions.length > 1 && (
          <button
            type="button"
            onClick={() => void reviewDiff(id, version.number - 1, version.number).then((body) => setDiff(body.diff))}
          >
            Show changes from v{version.number - 1}
          </button>
        )}
      </div>
      {message && (
        <p role="status" data-testid="review-message">
          {message}
        </p>
      )}
      {diff && (
        <ul className="diff" aria-label="Changes">
          {diff
            .filter((line) => line.change !== 'unchanged')
            .map((line, index) => (
              <li key={index} className={`diff-${line.change}`}>
                {line.change === 'added' ? '+ ' : '− '}
                {line.section}: {line.text}
              </li>
            ))}
        </ul>
      )}
      <h2>Bottom line</h2>
      <p>{version.content.bottomLine.text}</p>
      {version.content.sections.map((section, sectionIndex) => (
        <section key={section.heading}>
          <h2>{section.heading}</h2>
          <ol>
            {section.bullets.map((bullet, bulletIndex) => (
              <li key={bulletIndex} data-testid="review-bullet">
                {bullet.text} <span className="muted">[{bullet.citations.join(', ')}]</span>
                {comments
                  .filter(
                    (entry) =>
                      entry.target.kind === 'bullet' &&
                      entry.target.section === sectionIndex &&
                      entry.target.bullet === bulletIndex,
                  )
                  .map((entry) => (
                    <p key={entry.id} className="review-comment" data-testid="review-comment">
                      {entry.text}
                    </p>
                  ))}
                <CommentBox onSave={(text) => comment(sectionIndex, bulletIndex, text)} />
              </li>
            ))}
          </ol>
        </section>
      ))}
      <h2>Audit log</h2>
      <ol className="audit" data-testid="audit-log">
        {audit.map((entry) => (
          <li key={entry.id}>
            <time dateTime={entry.at}>{entry.at.replace('T', ' ').slice(0, 19)}</time> · {entry.action}
            {entry.versionNumber ? ` · v${entry.versionNumber}` : ''}
          </li>
        ))}
      </ol>
    </section>
  );
}

function CommentBox({ onSave }: { onSave: (text: string) => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  if (!open)
    return (
      <button type="button" className="link-button" data-testid="comment-open" onClick={() => setOpen(true)}>
        Comment
      </button>
    );
  return (
    <form
      className="comment-box"
      onSubmit={(event) => {
        event.preventDefault();
        void onSave(text).then(() => {
          setText('');
          setOpen(false);
        });
      }}
    >
      <label>
        Comment on this statement{' '}
        <textarea
          data-testid="comment-text"
          value={text}
          onChange={(event) => setText(event.target.value)}
          rows={2}
          required
        />
      </label>
      <button type="submit" data-testid="comment-save">
        Save comment
      </button>
    </form>
  );
}
