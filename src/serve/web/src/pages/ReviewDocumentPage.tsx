import { useCallback, useEffect, useState } from 'react';
import { Link } from '../components/Link';
import { ReferenceItem } from '../components/ReferenceItem';
import {
  type CommentTarget,
  type ReviewCommentView,
  reviewAction,
  reviewComment,
  reviewDiff,
  reviewDocument,
} from '../lib/review-api';

type Loaded = Awaited<ReturnType<typeof reviewDocument>>;
type Diff = Awaited<ReturnType<typeof reviewDiff>>['diff'];

const sameTarget = (comment: ReviewCommentView, target: CommentTarget) =>
  comment.target.kind === target.kind &&
  (target.kind !== 'bullet' ||
    (comment.target.section === target.section && comment.target.bullet === target.bullet)) &&
  (target.kind !== 'reference' || comment.target.n === target.n);

/**
 * One document under review: the newest version in document order (bottom line, statements,
 * references) with comments on each and on the whole, every version's discussion, the actions
 * this reviewer may take, a word-level diff from the previous version and the audit log.
 */
export function ReviewDocumentPage({ id }: { id: string }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [diff, setDiff] = useState<Diff | null>(null);
  const [asking, setAsking] = useState<'approve' | 'request_changes' | null>(null);
  const reload = useCallback(
    () => reviewDocument(id).then(setLoaded, (reason: Error) => setMessage(reason.message)),
    [id],
  );
  useEffect(() => {
    void reload();
  }, [reload]);
  if (!loaded) return <p role="status">{message ?? 'Loading…'}</p>;
  const { document, versions, comments, audit, permissions } = loaded;
  const version = versions.find((entry) => entry.number === document.currentVersion);
  if (!version) return <p role="alert">This document has no versions.</p>;
  const open = version.state !== 'approved' && version.state !== 'retired';

  const act = async (action: 'start_review' | 'approve' | 'request_changes', note?: string) => {
    setMessage(null);
    setAsking(null);
    try {
      let current = version;
      if (action !== 'start_review' && current.state === 'submitted')
        current = await reviewAction(id, current.number, 'start_review', current.revision);
      await reviewAction(id, current.number, action, current.revision, note);
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

  const thread = (target: CommentTarget, label: string) => (
    <CommentThread
      comments={comments.filter((comment) => sameTarget(comment, target))}
      current={version.number}
      label={label}
      canComment={permissions.review}
      onSave={async (text) => {
        await reviewComment(id, version.number, target, text);
        await reload();
      }}
    />
  );

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
      {document.kind === 'answer' && (
        <p>
          <Link to={`/a/${encodeURIComponent(document.id)}`}>Public page</Link>
        </p>
      )}
      {permissions.review && open && (
        // biome-ignore lint/a11y/useSemanticElements: a group of action buttons, not a form fieldset
        <div className="review-actions" role="group" aria-label="Review actions">
          {permissions.approveCurrent ? (
            <button type="button" data-testid="review-approve" onClick={() => setAsking('approve')}>
              Approve…
            </button>
          ) : (
            <p className="muted">You wrote this version: another reviewer approves it.</p>
          )}
          <button type="button" data-testid="review-request-changes" onClick={() => setAsking('request_changes')}>
            Request changes…
          </button>
        </div>
      )}
      {versions.length > 1 && (
        <button
          type="button"
          className="button-secondary"
          onClick={() => void reviewDiff(id, version.number - 1, version.number).then((body) => setDiff(body.diff))}
        >
          Show changes from v{version.number - 1}
        </button>
      )}
      {asking && (
        <ConfirmAction action={asking} version={version.number} onCancel={() => setAsking(null)} onConfirm={act} />
      )}
      {message && (
        <p role="status" data-testid="review-message">
          {message}
        </p>
      )}
      {diff && <DiffView diff={diff} />}
      <h2>Whole article</h2>
      {thread({ kind: 'article' }, 'the whole article')}
      <h2>Bottom line</h2>
      <p>{version.content.bottomLine.text}</p>
      {thread({ kind: 'bottomLine' }, 'the bottom line')}
      {version.content.sections.map((section, sectionIndex) => (
        <section key={`${sectionIndex}:${section.heading}`}>
          <h2>{section.heading}</h2>
          <ol>
            {section.bullets.map((bullet, bulletIndex) => (
              <li key={`${bulletIndex}:${bullet.text.slice(0, 20)}`} data-testid="review-bullet">
                {bullet.text} <span className="muted">[{bullet.citations.join(', ')}]</span>
                {thread({ kind: 'bullet', section: sectionIndex, bullet: bulletIndex }, 'this statement')}
              </li>
            ))}
          </ol>
        </section>
      ))}
      {version.content.references.length > 0 && (
        <section>
          <h2>References</h2>
          {version.content.references.map((reference) => (
            <div key={reference.n}>
              <ol className="reference-list" start={reference.n}>
                <ReferenceItem reference={reference} id={`review-ref-${reference.n}`} />
              </ol>
              {thread({ kind: 'reference', n: reference.n }, `reference ${reference.n}`)}
            </div>
          ))}
        </section>
      )}
      <h2>Audit log</h2>
      <ol className="audit" data-testid="audit-log">
        {audit.map((entry) => (
          <li key={entry.id}>
            <time dateTime={entry.at}>{entry.at.replace('T', ' ').slice(0, 19)}</time> · {entry.action}
            {entry.versionNumber ? ` · v${entry.versionNumber}` : ''}
            {entry.actor ? ` · ${entry.actor}` : ''}
            {entry.detail?.note ? ` · “${entry.detail.note}”` : ''}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Approving asks for confirmation; requesting changes asks what to change. */
function ConfirmAction({
  action,
  version,
  onCancel,
  onConfirm,
}: {
  action: 'approve' | 'request_changes';
  version: number;
  onCancel: () => void;
  onConfirm: (action: 'approve' | 'request_changes', note?: string) => Promise<void>;
}) {
  const [note, setNote] = useState('');
  const approving = action === 'approve';
  return (
    <form
      className="comment-box"
      data-testid="confirm-action"
      onSubmit={(event) => {
        event.preventDefault();
        void onConfirm(action, note.trim() || undefined);
      }}
    >
      <p>
        {approving
          ? `Approve version ${version}? Readers will see it as approved, with your name and credentials.`
          : 'What should change? Your note goes to the editor with the request.'}
      </p>
      <label>
        {approving ? 'Note (optional)' : 'Note (required)'}{' '}
        <textarea
          data-testid="confirm-note"
          value={note}
          onChange={(event) => setNote(event.target.value)}
          rows={2}
          required={!approving}
        />
      </label>
      <button type="submit" data-testid="confirm-submit">
        {approving ? 'Approve' : 'Request changes'}
      </button>{' '}
      <button type="button" className="button-secondary" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}

/** The changes in document order; an edited statement shows its words removed and added. */
function DiffView({ diff }: { diff: Diff }) {
  const changes = diff.filter((line) => line.change !== 'unchanged');
  if (changes.length === 0) return <p>No changes.</p>;
  return (
    <ul className="diff" aria-label="Changes">
      {changes.map((line, index) => (
        <li key={`${index}:${line.section}`} className={`diff-${line.change}`}>
          <span className="muted">
            {line.change === 'added' ? 'Added' : line.change === 'removed' ? 'Removed' : 'Changed'} · {line.section}:
          </span>{' '}
          {line.words
            ? line.words.map((word, at) =>
                word.change === 'added' ? (
                  <ins key={at}>{word.text}</ins>
                ) : word.change === 'removed' ? (
                  <del key={at}>{word.text}</del>
                ) : (
                  <span key={at}>{word.text}</span>
                ),
              )
            : line.text}
        </li>
      ))}
    </ul>
  );
}

/** The comments on one part, oldest first, with author, time and version; and a box to add one. */
function CommentThread({
  comments,
  current,
  label,
  canComment,
  onSave,
}: {
  comments: ReviewCommentView[];
  current: number;
  label: string;
  canComment: boolean;
  onSave: (text: string) => Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  return (
    <div className="comment-thread">
      {comments.map((entry) => (
        <p key={entry.id} className="review-comment" data-testid="review-comment">
          <span className="muted">
            {entry.author ?? 'Someone'} ·{' '}
            <time dateTime={entry.createdAt}>{entry.createdAt.slice(0, 16).replace('T', ' ')}</time>
            {entry.versionNumber !== current ? ` · on v${entry.versionNumber}` : ''}:
          </span>{' '}
          {entry.text}
        </p>
      ))}
      {canComment &&
        (open ? (
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
              Comment on {label}{' '}
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
        ) : (
          <button type="button" className="link-button" data-testid="comment-open" onClick={() => setOpen(true)}>
            Comment on {label}
          </button>
        ))}
    </div>
  );
}
