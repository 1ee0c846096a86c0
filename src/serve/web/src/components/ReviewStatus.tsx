import { PENDING_REVIEW_NOTICE, REVIEW_STEPS } from '../lib/format';
import type { Article } from '../lib/types';
import { Link } from './Link';

const AUDIENCE_READERS: Record<NonNullable<Article['approvedAudience']>, string> = {
  physician: 'physicians',
  nurse: 'nurses',
  pharmacist: 'pharmacists',
  student: 'students',
  patient: 'patients and families',
};

/** Submitted → Under Review → Approved, with who reviewed it (once approved) and when it was updated. */
export function ReviewStatus({
  article,
}: {
  article: Pick<Article, 'reviewStatus' | 'reviewedBy' | 'lastUpdated' | 'needsRereview' | 'approvedAudience'>;
}) {
  const currentIndex = REVIEW_STEPS.findIndex((step) => step.status === article.reviewStatus);
  const approved = article.reviewStatus === 'approved';
  const reviewer = approved ? article.reviewedBy : null;
  return (
    <div className="review-status" data-testid="review-status">
      <p className="review-board">Medical advisory board review</p>
      <ol className="review-steps" aria-label="Review status">
        {REVIEW_STEPS.map((step, index) => (
          <li
            key={step.status}
            className={index < currentIndex ? 'done' : index === currentIndex ? 'current' : 'todo'}
            aria-current={index === currentIndex ? 'step' : undefined}
          >
            <span className="step-marker" aria-hidden="true">
              {index < currentIndex || (approved && index === currentIndex) ? '✓' : index + 1}
            </span>
            <span className="step-label">{step.label}</span>
            {index < currentIndex && <span className="visually-hidden"> (completed)</span>}
          </li>
        ))}
      </ol>
      {!approved && <p className="review-pending">{PENDING_REVIEW_NOTICE}</p>}
      {article.needsRereview && (
        <p className="review-pending" data-testid="needs-rereview">
          A cited source has changed since this was reviewed: it is being re-reviewed.
        </p>
      )}
      {reviewer && (
        <p className="review-by">
          Reviewed by {reviewer.name}, {reviewer.credentials} on <time dateTime={reviewer.date}>{reviewer.date}</time>
        </p>
      )}
      {approved && article.approvedAudience && (
        <p className="review-pending" data-testid="approved-audience">
          Shown as approved, written for {AUDIENCE_READERS[article.approvedAudience]}: the wording for your reading
          level is not yet reviewed.
        </p>
      )}
      <p className="review-meta">
        Last updated <time dateTime={article.lastUpdated}>{article.lastUpdated}</time>
        <span aria-hidden="true"> · </span>
        <Link to="/editorial-policy">How we source and review content</Link>
      </p>
    </div>
  );
}
