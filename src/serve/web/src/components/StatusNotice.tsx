import type { ArticleStatus } from '../lib/types';

const HEADLINES: Partial<Record<ArticleStatus, string>> = {
  insufficient_evidence: 'Not enough evidence to answer',
  out_of_scope: 'Outside what Vesalius answers',
};

/** A plain, neutral statement that no clinical answer is given. */
export function StatusNotice({ status, text }: { status: ArticleStatus; text: string }) {
  return (
    <div className="status-notice" data-testid="status-notice">
      <p className="status-notice-title">{HEADLINES[status] ?? 'No answer given'}</p>
      {text && <p>{text}</p>}
    </div>
  );
}
