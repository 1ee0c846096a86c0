import type { Article } from './api';

const STEPS = [
  { key: 'submitted', label: 'Submitted' },
  { key: 'under_review', label: 'Under Review' },
  { key: 'approved', label: 'Approved' },
] as const;

export function ReviewStatus({ article }: { article: Article }) {
  const current = STEPS.findIndex((step) => step.key === article.reviewStatus);
  return (
    <section className="review" aria-label="Review status" data-testid="review-status">
      <ol className="steps">
        {STEPS.map((step, index) => (
          <li key={step.key} className={index < current ? 'done' : index === current ? 'current' : ''} aria-current={index === current ? 'step' : undefined}>
            {step.label}
          </li>
        ))}
      </ol>
      {article.reviewStatus === 'approved' && article.reviewedBy ? (
        <p>Reviewed by {article.reviewedBy.name}, {article.reviewedBy.credentials} on {article.reviewedBy.date}</p>
      ) : (
        <p className="pending">Educational purpose only · content pending human review</p>
      )}
      <p className="meta">
        Last updated {article.lastUpdated} · <a href="/editorial-policy">Editorial policy</a>
      </p>
    </section>
  );
}
