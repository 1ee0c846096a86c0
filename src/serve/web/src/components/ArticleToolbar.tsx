import { useEffect, useRef, useState } from 'react';
import { exportUrl } from '../lib/api';
import { submitForReview } from '../lib/review-api';
import { signedInRole } from '../lib/signed-in';
import { articleToText } from '../../../../text/render-article.js';
import { copyText } from '../lib/clipboard';
import type { Article } from '../lib/types';

/** Copy, export and print. */
export function ArticleToolbar({ article }: { article: Article }) {
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [submitState, setSubmitState] = useState<string | null>(null);
  // Editors (and reviewers and admins) may send an answer to the medical advisory board.
  const canSubmit = article.status === 'answered' && signedInRole() !== null && signedInRole() !== 'reader';
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const copy = async () => {
    const copied = await copyText(
      articleToText({ ...article, permalink: `${window.location.origin}${article.permalink}` }),
    );
    setCopyState(copied ? 'copied' : 'failed');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setCopyState('idle'), 3000);
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: a toolbar of buttons is a group, not a form fieldset
    <div className="toolbar" role="group" aria-label={`Tools for “${article.title}”`}>
      <button type="button" className="button-secondary" data-testid="copy-text" onClick={() => void copy()}>
        Copy as text
      </button>
      <a
        className="button-secondary"
        data-testid="export-markdown"
        href={exportUrl(article.id, 'markdown', article.audience)}
        download={`vesalius-${article.id}.md`}
      >
        Export Markdown
      </a>
      {article.references.length > 0 && (
        <a
          className="button-secondary"
          data-testid="export-ris"
          href={exportUrl(article.id, 'ris', article.audience)}
          download={`vesalius-${article.id}.ris`}
        >
          Export references (RIS)
        </a>
      )}
      {canSubmit && (
        <button
          type="button"
          className="button-secondary"
          data-testid="submit-for-review"
          onClick={() =>
            void submitForReview(article.id).then(
              () => setSubmitState('Submitted for review.'),
              (reason: Error) => setSubmitState(reason.message),
            )
          }
        >
          Submit for review
        </button>
      )}
      {submitState && (
        <span role="status" className="toolbar-note">
          {submitState}
        </span>
      )}
      <button
        type="button"
        className="button-secondary"
        data-testid="print"
        onClick={(event) => printOne(event.currentTarget)}
      >
        Print
      </button>
      <span className={`copy-status ${copyState}`} role="status">
        {copyState === 'copied'
          ? 'Copied'
          : copyState === 'failed'
            ? 'Copy failed: select the text and copy it instead.'
            : ''}
      </span>
    </div>
  );
}

/** Prints the article the button belongs to, not the whole thread. */
function printOne(button: HTMLElement): void {
  const target = button.closest('article');
  target?.classList.add('print-target');
  document.body.classList.add('printing-one');
  const done = () => {
    target?.classList.remove('print-target');
    document.body.classList.remove('printing-one');
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}
